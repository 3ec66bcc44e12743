package dev.aft.finetune;

import dev.aft.testing.KafkaTestResource;
import dev.aft.testing.PostgresProvider;
import dev.aft.testing.PostgresServer;
import dev.aft.testing.PostgresTestResource;
import dev.aft.testing.RepositoryLayout;
import dev.aft.testing.ServiceProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real services finetune-service works with, as processes from their packaged jars, started once per test
 * JVM (URLs kept in system properties, which outlive Quarkus's class loaders) and stopped when it exits:
 * model-service serving a tiny random model {@code tiny}, and dataset-service on the test broker.
 */
public class ServicesResource implements QuarkusTestResourceLifecycleManager {

    static final String TINY = "tiny";

    private static final String MODEL_SERVICE = "aft.test.finetune.model-service";
    private static final String DATASET_SERVICE = "aft.test.finetune.dataset-service";
    private static final Object LOCK = ServicesResource.class.getName().intern();

    @Override
    public Map<String, String> start() {
        return Map.of("aft.finetune.model.base-url", modelServiceUrl() + "/v1");
    }

    @Override
    public void stop() {
    }

    /** model-service's base URL (without {@code /v1}), starting it on first use. */
    static String modelServiceUrl() {
        return shared(MODEL_SERVICE, ServicesResource::startModelService);
    }

    /** dataset-service's base URL, starting it on first use. */
    static String datasetServiceUrl() {
        return shared(DATASET_SERVICE, ServicesResource::startDatasetService);
    }

    private static String shared(String key, java.util.function.Supplier<String> start) {
        synchronized (LOCK) {
            String url = System.getProperty(key);
            if (url == null) {
                url = start.get();
                System.setProperty(key, url);
            }
            return url;
        }
    }

    private static String startModelService() {
        Path home;
        try {
            home = Files.createTempDirectory("aft-finetune-model-home-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> words = TinyModels.words(List.of(TestData.reversals()), String.join(" ", TestData.LOCAL_STATEMENTS));
        TinyModels.write(home.resolve("models").resolve(TINY), words, 1024, 1);
        Map<String, String> env = database();
        env.put("AFT_MODEL_HOME", home.toString());
        env.put("AFT_MODEL_REFERENCE_MODEL_PATH", home.resolve("no-reference-model").toString());
        env.put("AFT_MODEL_FINE_TUNING_PROGRESS_INTERVAL", "0s");
        env.put("DJL_OFFLINE", "true");
        return start("model-service", env);
    }

    private static String startDatasetService() {
        Map<String, String> env = database();
        env.put("KAFKA_BOOTSTRAP_SERVERS", KafkaTestResource.bootstrapServers());
        env.put("AFT_DATASET_PUBLIC_BASE_URL", "http://127.0.0.1:${quarkus.http.port}");
        return start("dataset-service", env);
    }

    private static Map<String, String> database() {
        String database = PostgresTestResource.createDatabase();
        PostgresServer server = PostgresProvider.server();
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", server.reactiveUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", server.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", server.password());
        env.put("AFT_TEST_DATABASE", database);
        return env;
    }

    private static String start(String module, Map<String, String> env) {
        Path jar = RepositoryLayout.root().resolve("services").resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged " + module + " at " + jar + "; build it first (./mvnw -o install"
                    + " -DskipTests -pl services/" + module + " -am, or ./mvnw verify from the root)");
        }
        ServiceProcess service = ServiceProcess.start(jar, env);
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
