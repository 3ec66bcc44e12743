package dev.aft.broker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Starts a single-node KRaft Kafka broker from a server.properties file, formatting its log directory on
 * first use.
 *
 * <pre>java -cp 'target/lib/*' dev.aft.broker.BrokerMain server.properties [--parent-pid PID]</pre>
 *
 * With {@code --parent-pid} the broker shuts down by itself once that process is gone, so a test run that
 * is killed never leaves a broker holding its ports.
 */
public final class BrokerMain {

    private static final long PARENT_POLL_MILLIS = 500;
    private static final long SHUTDOWN_GRACE_MILLIS = 15_000;

    private BrokerMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1 && !(args.length == 3 && args[1].equals("--parent-pid"))) {
            System.err.println("usage: BrokerMain <server.properties> [--parent-pid PID]");
            System.exit(2);
        }
        Path config = Path.of(args[0]).toAbsolutePath();
        if (args.length == 3) {
            watchParent(Long.parseLong(args[2]));
        }
        formatIfNeeded(config);
        kafka.Kafka.main(new String[] { config.toString() });
    }

    private static void formatIfNeeded(Path config) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(config)) {
            properties.load(in);
        }
        String logDirs = properties.getProperty("log.dirs");
        if (logDirs == null || logDirs.isBlank()) {
            throw new IllegalArgumentException(config + " sets no log.dirs");
        }
        Path logDir = Path.of(logDirs.split(",")[0].trim());
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        int rc = kafka.tools.StorageTool.execute(
                new String[] { "format", "--cluster-id=" + clusterId(), "--config=" + config, "--ignore-formatted" },
                System.out);
        if (rc != 0) {
            System.err.println("formatting " + logDir + " failed with exit code " + rc);
            System.exit(rc);
        }
    }

    /** A random cluster id in Kafka's form (22 characters of URL-safe base64, never starting with '-'). */
    private static String clusterId() {
        return org.apache.kafka.common.Uuid.randomUuid().toString();
    }

    private static void watchParent(long parentPid) {
        Thread watchdog = new Thread(() -> {
            while (ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(PARENT_POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.err.println("parent process " + parentPid + " is gone: shutting the broker down");
            Thread reaper = new Thread(() -> {
                try {
                    Thread.sleep(SHUTDOWN_GRACE_MILLIS);
                } catch (InterruptedException ignored) {
                    // halting anyway
                }
                Runtime.getRuntime().halt(1);
            }, "broker-shutdown-deadline");
            reaper.setDaemon(true);
            reaper.start();
            System.exit(0);
        }, "broker-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
