package dev.aft.model.models;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * DJL would try to download engine files when it finds none; this service never does: the PyTorch natives
 * come from the jars on the class path (unpacked into {@code DJL_CACHE_DIR}, default {@code ~/.djl.ai}).
 */
@Startup
@ApplicationScoped
public class OfflineEngine {

    @PostConstruct
    void offline() {
        if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }
}
