package dev.aft.eval;

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
 * The real services eval-service works with, as processes from their packaged jars, started once per test JVM
 * (their URLs kept in system properties, which outlive Quarkus's class loaders) and stopped when it exits:
 * model-service serving tiny models ({@code tiny} and {@code tiny-ft} with a context of 1024 tokens,
 * {@code tiny-short} with 128) and dataset-service on the test broker. Per test class, a stand-in backend
 * without log-probabilities, configured as backend {@code no-logprobs}.
 */
public class ServicesResource implements QuarkusTestResourceLifecycleManager {

    static final String TINY = "tiny";
    static final String TINY_FT = "tiny-ft";
    static final String TINY_SHORT = "tiny-short";
    static final int TINY_CONTEXT = 1024;
    static final int SHORT_CONTEXT = 128;

    private static final String MODEL_SERVICE = "aft.test.eval.model-service";
    private static final String DATASET_SERVICE = "aft.test.eval.dataset-service";
    private static final Object LOCK = ServicesResource.class.getName().intern();

    private NoLogprobsBackend noLogprobs;

    @Override
    public Map<String, String> start() {
        noLogprobs = NoLogprobsBackend.start();
        return Map.of("aft.eval.model.base-url", modelServiceUrl() + "/v1",
                "aft.eval.model.backends.no-logprobs", noLogprobs.baseUrl());
    }

    @Override
    public void stop() {
        if (noLogprobs != null) {
            noLogprobs.close();
        }
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
            home = Files.createTempDirectory("aft-eval-model-home-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> words = TinyModels.words(TestData.all(), TestData.INSTRUCTION);
        TinyModels.write(home.resolve("models").resolve(TINY), words, TINY_CONTEXT, 1);
        TinyModels.write(home.resolve("models").resolve(TINY_FT), words, TINY_CONTEXT, 2);
        TinyModels.write(home.resolve("models").resolve(TINY_SHORT), words, SHORT_CONTEXT, 3);
        Map<String, String> env = database();
        env.put("AFT_MODEL_HOME", home.toString());
        env.put("AFT_MODEL_REFERENCE_MODEL_PATH", home.resolve("no-reference-model").toString());
        env.put("DJL_OFFLINE", "true");
        return start("model-service", env);
    }

    private static String startDatasetService() {
        Map<String, String> env = database();
        env.put("KAFKA_BOOTSTRAP_SERVERS", KafkaTestResource.bootstrapServers());
        // content links must point where this process listens: its port is chosen when it starts
        env.put("AFT_DATASET_PUBLIC_BASE_URL", "http://127.0.0.1:${quarkus.http.port}");
        return start("dataset-service", env);
    }

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

    static String start(String module, Map<String, String> env) {
        Path jar = RepositoryLayout.root().resolve("services").resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged " + module + " at " + jar + "; build it first (./mvnw -o install"
                    + " -DskipTests -pl services/" + module + " -am, or ./mvnw verify from the root)");
        }
        ServiceProcess service = ServiceProcess.start(jar, env);
        String database = env.get("AFT_TEST_DATABASE");
        String home = env.get("AFT_MODEL_HOME");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            try {
                PostgresTestResource.dropDatabase(database);
            } catch (Throwable e) {
                // the test server may be gone already
            }
            if (home != null) {
                deleteTree(Path.of(home));
            }
        }, module + "-stop"));
        return service.baseUrl();
    }

    static void deleteTree(Path root) {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a temporary folder: best effort
        }
    }
}
