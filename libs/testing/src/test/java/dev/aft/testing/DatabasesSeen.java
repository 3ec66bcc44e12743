package dev.aft.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The databases that test classes of this JVM ran against (kept in a system property: each test class runs in a
 * fresh Quarkus class loader). Each class checks in: its database must be new, and every database of a class
 * that ran before must have been dropped.
 */
final class DatabasesSeen {

    private static final String PROPERTY = "aft.test.databases-seen";

    private DatabasesSeen() {
    }

    static synchronized void checkIn(String database) throws SQLException {
        Set<String> earlier = new HashSet<>(Arrays.asList(System.getProperty(PROPERTY, "").split(",")));
        earlier.remove("");
        assertThat(database).startsWith("aft_test_");
        assertThat(earlier).as("databases of earlier test classes").doesNotContain(database);
        assertThat(existing(earlier)).as("databases of earlier test classes still present").isEmpty();
        assertThat(existing(Set.of(database))).containsExactly(database);
        earlier.add(database);
        System.setProperty(PROPERTY, String.join(",", earlier));
    }

    private static Set<String> existing(Set<String> names) throws SQLException {
        Set<String> found = new HashSet<>();
        try (Connection connection = PostgresProvider.server().connect("postgres");
                PreparedStatement query = connection.prepareStatement("select datname from pg_database where datname = ?")) {
            for (String name : names) {
                query.setString(1, name);
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
            }
        }
        return found;
    }
}
