package dev.aft.report.messaging;

import dev.aft.contracts.Topics;
import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.serde.EventCodec;
import dev.aft.report.domain.EventIntake;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The live consumers of every {@code aft.*} topic, one consumer group per topic
 * ({@code report-service.<topic>}: a consumer joining never rebalances the others). A record that is not a valid
 * event fails here and the channel's dead-letter-queue strategy moves it to the topic's {@code .dlq} with the
 * reason; the consumer goes on with the next record.
 */
@ApplicationScoped
public class LiveConsumers {

    private static final Logger LOG = Logger.getLogger(LiveConsumers.class);
    /** How long applying one event may take before it is given up and tried again. */
    private static final Duration APPLY_TIMEOUT = Duration.ofSeconds(20);

    private final EventIntake intake;

    public LiveConsumers(EventIntake intake) {
        this.intake = intake;
    }

    @Incoming(Topics.DATASETS)
    public Uni<Void> datasets(ConsumerRecord<String, byte[]> record) {
        return consume(record);
    }

    @Incoming(Topics.AUGMENTATIONS)
    public Uni<Void> augmentations(ConsumerRecord<String, byte[]> record) {
        return consume(record);
    }

    @Incoming(Topics.MODELS)
    public Uni<Void> models(ConsumerRecord<String, byte[]> record) {
        return consume(record);
    }

    @Incoming(Topics.EVALUATIONS)
    public Uni<Void> evaluations(ConsumerRecord<String, byte[]> record) {
        return consume(record);
    }

    @Incoming(Topics.REPORTS)
    public Uni<Void> reports(ConsumerRecord<String, byte[]> record) {
        return consume(record);
    }

    @Incoming(Topics.PROGRESS)
    public Uni<Void> progress(ConsumerRecord<String, byte[]> record) {
        return consume(record);
    }

    /**
     * A record that does not decode is poison: its failure sends it to the dead-letter topic. Applying a valid
     * event can only fail for a passing reason (the database is unreachable, the schema is still being created
     * at a first start, a conflicting insert): it is retried with backoff, holding the topic's order, until it
     * succeeds, so no event is lost to the dead-letter topic for something that is not its fault.
     */
    private Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<?> event;
        try {
            event = EventCodec.decode(record.value());
        } catch (RuntimeException e) {
            LOG.warnf("%s[%d]@%d is not a valid event, to the dead-letter topic: %s", record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return Uni.createFrom().failure(e);
        }
        return Uni.createFrom().deferred(() -> intake.accept(event))
                .ifNoItem().after(APPLY_TIMEOUT).failWith(() -> new IllegalStateException(
                        "no answer from the read model within " + APPLY_TIMEOUT.toSeconds() + " s"))
                .onFailure().invoke(e -> LOG.warnf("%s[%d]@%d: applying %s %s failed, trying again: %s",
                        record.topic(), record.partition(), record.offset(), event.type(), event.id(), e.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).atMost(Long.MAX_VALUE)
                .replaceWithVoid();
    }
}
