package dev.aft.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A reachable PostgreSQL server and a role that may create databases. {@code origin} says where it came from
 * (reused, the system cluster, embedded, a container) for log lines.
 */
public record PostgresServer(String host, int port, String user, String password, String origin) {

    private static final String SEPARATOR = "\u001f";

    /** A one-line form that {@link #parse} reads back. */
    String format() {
        return String.join(SEPARATOR, host, Integer.toString(port), user, password == null ? "" : password, origin);
    }

    static PostgresServer parse(String formatted) {
        String[] f = formatted.split(SEPARATOR, -1);
        return new PostgresServer(f[0], Integer.parseInt(f[1]), f[2], f[3], f[4]);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The URL form Quarkus's reactive PostgreSQL client takes ({@code quarkus.datasource.reactive.url}). */
    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    /** Whether this role can log in right now. */
    public boolean answers() {
        try (Connection ignored = connect("postgres")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
