package dev.aft.augment;

import dev.aft.testing.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the augment-service under test at the real model-service and dataset-service ({@link Services}) and
 * this JVM's topic prefix, and configures a backend {@code nowhere} where nothing listens.
 */
public class ServicesResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Services.start();
        return Map.of(
                "aft.augment.topic-prefix", Services.topicPrefix(),
                "aft.augment.model.base-url", Services.modelServiceUrl() + "/v1",
                "aft.augment.backends.nowhere.base-url", "http://127.0.0.1:" + FreePorts.next() + "/v1");
    }

    @Override
    public void stop() {
        // the processes serve every test class of this JVM; they stop when it exits
    }
}
