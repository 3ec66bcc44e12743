package dev.aft.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A fresh PostgreSQL database for each test class:
 * {@code @WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)}.
 *
 * <p>The server comes from {@link PostgresProvider}; this resource creates a database with a random name when
 * the class starts, points {@code quarkus.datasource.*} at it, and drops it when the class ends, so test
 * classes never see each other's rows.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static final Logger LOG = Logger.getLogger(PostgresTestResource.class);
    private PostgresServer server;
    private String database;

    @Override
    public Map<String, String> start() {
        server = PostgresProvider.server();
        database = createDatabase();
        return Map.of(
                "quarkus.datasource.reactive.url", server.reactiveUrl(database),
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        if (database != null) {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            database = null;
        }
    }

    private void execute(String sql) {
        execute(server, sql);
    }

    /** Creates a new database with a random name on the test server, for tests that run services as processes. */
    public static String createDatabase() {
        String database = "aft_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(PostgresProvider.server(), "CREATE DATABASE " + database);
        return database;
    }

    public static void dropDatabase(String database) {
        execute(PostgresProvider.server(), "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    private static void execute(PostgresServer server, String sql) {
        try (Connection connection = server.connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("'" + sql + "' failed on " + server.origin() + ": " + e.getMessage(), e);
        }
        LOG.debugf("%s (%s)", sql, server.origin());
    }
}
