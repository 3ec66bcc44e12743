package dev.aft.report.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** report-service settings ({@code aft.report.*}, environment {@code AFT_REPORT_*}). */
@ConfigMapping(prefix = "aft.report")
public interface ReportServiceConfig {

    /** Base URL under which others reach this service (the dashboard's address in logs). */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /** Name of this service in event envelopes ({@code producer}). */
    @WithDefault("report-service")
    String producer();

    /** Prefix of the Kafka topic names (the default gives {@code aft.datasets}, {@code aft.reports}, ...). */
    @WithDefault("aft.")
    String topicPrefix();

    Completion completion();

    Content content();

    Rebuild rebuild();

    /** When an experiment is reported. */
    interface Completion {
        /**
         * How long after its {@code DatasetCreated} an experiment may wait for its stages: after that, the stages
         * still without a result are reported as missing instead of waited for.
         */
        @WithDefault("2h")
        Duration deadline();

        /** How often experiments past their deadline are looked for. */
        @WithDefault("30s")
        Duration checkInterval();
    }

    /** Reading eval-service's {@code items.jsonl} for the drill-down. */
    interface Content {
        /** Time limit of one download. */
        @WithDefault("30s")
        Duration timeout();

        /** Attempts per download when the owner does not answer or answers 5xx (a person is waiting: few). */
        @WithDefault("2")
        int attempts();
    }

    /** Rebuilding the read model from the earliest offsets. */
    interface Rebuild {
        /** Rebuild once when the service starts (clears the read model and re-reads every topic). */
        @WithDefault("false")
        boolean onStart();

        /** How long one rebuild may read. */
        @WithDefault("10m")
        Duration timeout();
    }
}
