package dev.aft.augment;

import dev.aft.testing.KafkaTestResource;
import dev.aft.testing.PostgresProvider;
import dev.aft.testing.PostgresServer;
import dev.aft.testing.PostgresTestResource;
import dev.aft.testing.RepositoryLayout;
import dev.aft.testing.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The real services augment-service works with, as processes from their packaged jars, started once per test
 * JVM and stopped when it exits: model-service serving {@link TinyModel} and dataset-service, on the test
 * broker under a topic prefix of this JVM's own (so no other test's events reach these tests). Their URLs live
 * in system properties, which outlive Quarkus's class loaders.
 */
final class Services {

    private static final String PREFIX = "aft.test.augment.topic-prefix";
    private static final String MODEL_SERVICE = "aft.test.augment.model-service";
    private static final String DATASET_SERVICE = "aft.test.augment.dataset-service";
    private static final Object LOCK = Services.class.getName().intern();

    private Services() {
    }

    /** The topic prefix of this JVM's tests, e.g. {@code t1a2b3c4.aft.}. */
    static String topicPrefix() {
        return shared(PREFIX, () -> "t" + UUID.randomUUID().toString().substring(0, 8) + ".aft.");
    }

    static String topic(String suffix) {
        return topicPrefix() + suffix;
    }

    /** Starts both services (in parallel) unless they run. */
    static void start() {
        CompletableFuture<String> model = CompletableFuture.supplyAsync(Services::modelServiceUrl);
        datasetServiceUrl();
        model.join();
    }

    /** model-service's URL (without {@code /v1}). */
    static String modelServiceUrl() {
        return shared(MODEL_SERVICE, Services::startModelService);
    }

    static String datasetServiceUrl() {
        return shared(DATASET_SERVICE, Services::startDatasetService);
    }

    /** Environment pointing a service process at a new database of its own. */
    static Map<String, String> database() {
        String database = PostgresTestResource.createDatabase();
        PostgresServer server = PostgresProvider.server();
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", server.reactiveUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", server.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", server.password());
        env.put("AFT_TEST_DATABASE", database);
        return env;
    }

    /** A packaged service of this repository, built by the reactor before augment-service. */
    static Path jar(String module) {
        Path jar = RepositoryLayout.root().resolve("services").resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged " + module + " at " + jar + "; build it first (./mvnw -o install"
                    + " -DskipTests -pl services/" + module + " -am, or ./mvnw verify from the root)");
        }
        return jar;
    }

    private static String shared(String key, Supplier<String> start) {
        synchronized (LOCK) {
            String value = System.getProperty(key);
            if (value == null) {
                value = start.get();
                System.setProperty(key, value);
            }
            return value;
        }
    }

    private static String startModelService() {
        Path home;
        try {
            home = Files.createTempDirectory("aft-augment-model-home-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TinyModel.write(home.resolve("models").resolve(TinyModel.ID), TestWorld.vocabulary(), 1);
        Map<String, String> env = database();
        env.put("AFT_MODEL_HOME", home.toString());
        env.put("AFT_MODEL_REFERENCE_MODEL_PATH", home.resolve("no-reference-model").toString());
        env.put("DJL_OFFLINE", "true");
        return start("model-service", env);
    }

    private static String startDatasetService() {
        Map<String, String> env = database();
        env.put("KAFKA_BOOTSTRAP_SERVERS", KafkaTestResource.bootstrapServers());
        env.put("AFT_DATASET_TOPIC_PREFIX", topicPrefix());
        // content links must point where this process listens: its port is chosen when it starts
        env.put("AFT_DATASET_PUBLIC_BASE_URL", "http://127.0.0.1:${quarkus.http.port}");
        return start("dataset-service", env);
    }

    private static String start(String module, Map<String, String> env) {
        ServiceProcess service = ServiceProcess.start(jar(module), env);
        String database = env.get("AFT_TEST_DATABASE");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            try {
                PostgresTestResource.dropDatabase(database);
            } catch (Throwable e) {
                // the test server may be gone already
            }
        }, module + "-stop"));
        return service.baseUrl();
    }
}
