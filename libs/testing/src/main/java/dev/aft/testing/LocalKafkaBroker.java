package dev.aft.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * A real single-node KRaft Kafka broker in its own JVM, run from the repository's {@code deploy/kafka-broker}
 * module (built on first use), on the given loopback ports, with its data in a folder of its own. The broker
 * watches this JVM and stops by itself if it dies, so a killed test run leaves no broker behind.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalKafkaBroker.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final Path directory;
    private final int port;

    private LocalKafkaBroker(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /** Starts a broker on free ports in a new temporary folder, deleted again on {@link #close()}. */
    public static LocalKafkaBroker startOnFreePorts() {
        try {
            return start(Files.createTempDirectory("aft-kafka-"), FreePorts.next(), FreePorts.next());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LocalKafkaBroker start(Path directory, int port, int controllerPort) {
        return start(directory, port, controllerPort, ProcessHandle.current().pid());
    }

    /** Starts a broker that stops by itself once the process {@code parentPid} is gone. */
    public static LocalKafkaBroker start(Path directory, int port, int controllerPort, long parentPid) {
        Path lib = brokerClassPath();
        try {
            Files.createDirectories(directory);
            Path config = directory.resolve("server.properties");
            Files.writeString(config, serverProperties(directory.resolve("data"), port, controllerPort));
            Path log = directory.resolve("broker.log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", lib + File.separator + "*", "dev.aft.broker.BrokerMain", config.toString(),
                    "--parent-pid", Long.toString(parentPid)))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            LocalKafkaBroker broker = new LocalKafkaBroker(process, directory, port);
            broker.awaitReady(log);
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a Kafka broker in " + directory, e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The broker's own process, e.g. to wait for it to end. */
    public ProcessHandle processHandle() {
        return process.toHandle();
    }

    private void awaitReady(Path log) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        long started = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String tail = tail(log);
                deleteRecursively(directory);
                throw new IllegalStateException("the Kafka broker exited with code " + process.exitValue()
                        + " while starting; its log ends with:\n" + tail);
            }
            if (KafkaProbe.answers(bootstrapServers(), Duration.ofSeconds(2))) {
                LOG.infof("Kafka broker ready at %s after %d ms (data in %s)", bootstrapServers(),
                        (System.nanoTime() - started) / 1_000_000, directory);
                return;
            }
            sleep(200);
        }
        String tail = tail(log);
        close();
        throw new IllegalStateException("the Kafka broker did not answer within " + STARTUP_TIMEOUT.toSeconds()
                + " s; its log ends with:\n" + tail);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteRecursively(directory);
    }

    /** The broker's class path folder, built with Maven if this checkout has not built it yet. */
    static Path brokerClassPath() {
        Path module = RepositoryLayout.root().resolve("deploy/kafka-broker");
        Path lib = module.resolve("target/lib");
        if (Files.isRegularFile(lib.resolve("aft-kafka-broker.jar"))) {
            return lib;
        }
        LOG.infof("building the local Kafka broker module (%s) once", module);
        Path mvnw = RepositoryLayout.root().resolve("mvnw");
        try {
            Process build = new ProcessBuilder(mvnw.toString(), "-q", "-B", "-f", module.resolve("pom.xml").toString(),
                    "package").inheritIO().start();
            if (build.waitFor() != 0 || !Files.isRegularFile(lib.resolve("aft-kafka-broker.jar"))) {
                throw new IllegalStateException("building " + module + " failed; run: ./mvnw -f deploy/kafka-broker/pom.xml package");
            }
            return lib;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building " + module, e);
        }
    }

    static String serverProperties(Path dataDir, int port, int controllerPort) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + dataDir,
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "") ;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void deleteRecursively(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debugf("could not delete %s: %s", directory, e);
        }
    }
}
