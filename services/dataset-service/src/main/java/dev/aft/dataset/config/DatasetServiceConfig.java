package dev.aft.dataset.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** dataset-service settings ({@code aft.dataset.*}). */
@ConfigMapping(prefix = "aft.dataset")
public interface DatasetServiceConfig {

    /** Base URL under which other services reach this one; content links in events start with it. */
    @WithDefault("http://localhost:8081")
    String publicBaseUrl();

    /** Name of this service in event envelopes ({@code producer}). */
    @WithDefault("dataset-service")
    String producer();

    /** Prefix of the Kafka topic names (the default gives {@code aft.datasets}). */
    @WithDefault("aft.")
    String topicPrefix();

    Limits limits();


    /** Bounds on uploaded data; requests over them get a 400 naming the limit. */
    interface Limits {
        /** Most documents in one dataset. */
        @WithDefault("20000")
        int maxDocuments();

        /** Most characters in one document. */
        @WithDefault("20000")
        int maxDocumentChars();

        /** Most test items in one dataset. */
        @WithDefault("50000")
        int maxTestItems();

        /** Most options of one test item. */
        @WithDefault("26")
        int maxOptions();
    }
}
