package dev.aft.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The transactional outbox relay that publishes committed events to Kafka ({@code aft.outbox.*}). */
@ConfigMapping(prefix = "aft.outbox")
public interface OutboxConfig {

    /** Whether this instance relays its outbox (off only to test recovery of unsent rows). */
    @WithDefault("true")
    boolean relayEnabled();

    /** How often the relay looks for unsent rows (it is also woken right after each commit). */
    @WithDefault("1s")
    Duration relayInterval();

    /** Most rows one relay pass sends. */
    @WithDefault("100")
    int batchSize();
}
