package dev.aft.finetune;

import dev.aft.testing.KafkaTestResource;
import dev.aft.testing.PostgresProvider;
import dev.aft.testing.PostgresServer;
import dev.aft.testing.PostgresTestResource;
import dev.aft.testing.RepositoryLayout;
import dev.aft.testing.ServiceProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole upstream pipeline under a topic prefix of its own (so that no other test's events reach it): a
 * dataset-service and the real augment-service (its packaged jar) on the shared model-service, and this service's
 * topic prefix set to the same. Stopped with the test class.
 */
public class AugmentServiceResource implements QuarkusTestResourceLifecycleManager {

    static final String PREFIX_PROPERTY = "aft.test.finetune.e2e-prefix";
    static final String DATASET_PROPERTY = "aft.test.finetune.e2e-dataset-service";

    private final List<ServiceProcess> services = new ArrayList<>();
    private final List<String> databases = new ArrayList<>();

    /** Whether augment-service has been packaged (it is built in the same reactor, before this module). */
    static boolean augmentServicePackaged() {
        return Files.isRegularFile(jar("augment-service"));
    }

    @Override
    public Map<String, String> start() {
        String prefix = "ft" + UUID.randomUUID().toString().substring(0, 8) + ".aft.";
        System.setProperty(PREFIX_PROPERTY, prefix);
        String modelService = ServicesResource.modelServiceUrl();

        Map<String, String> dataset = database();
        dataset.put("KAFKA_BOOTSTRAP_SERVERS", KafkaTestResource.bootstrapServers());
        dataset.put("AFT_DATASET_TOPIC_PREFIX", prefix);
        dataset.put("AFT_DATASET_PUBLIC_BASE_URL", "http://127.0.0.1:${quarkus.http.port}");
        ServiceProcess datasetService = ServiceProcess.start(jar("dataset-service"), dataset);
        services.add(datasetService);
        System.setProperty(DATASET_PROPERTY, datasetService.baseUrl());

        Map<String, String> augment = database();
        augment.put("KAFKA_BOOTSTRAP_SERVERS", KafkaTestResource.bootstrapServers());
        augment.put("AFT_AUGMENT_TOPIC_PREFIX", prefix);
        augment.put("AFT_AUGMENT_MODEL_BASE_URL", modelService + "/v1");
        augment.put("AFT_AUGMENT_PUBLIC_BASE_URL", "http://127.0.0.1:${quarkus.http.port}");
        augment.put("AFT_AUGMENT_LOCAL_MAX_TOKENS", "24");
        augment.put("AFT_AUGMENT_PROGRESS_INTERVAL", "0s");
        services.add(ServiceProcess.start(jar("augment-service"), augment));

        return Map.of("aft.finetune.topic-prefix", prefix, "aft.finetune.model.base-url", modelService + "/v1");
    }

    @Override
    public void stop() {
        services.forEach(ServiceProcess::close);
        databases.forEach(d -> {
            try {
                PostgresTestResource.dropDatabase(d);
            } catch (Throwable e) {
                // the test server may be gone already
            }
        });
    }

    private Map<String, String> database() {
        String database = PostgresTestResource.createDatabase();
        databases.add(database);
        PostgresServer server = PostgresProvider.server();
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", server.reactiveUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", server.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", server.password());
        return env;
    }

    private static Path jar(String module) {
        return RepositoryLayout.root().resolve("services").resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
