package dev.aft.report.messaging;

import dev.aft.contracts.Topics;
import dev.aft.contracts.serde.EventCodec;
import dev.aft.report.domain.EventIntake;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The live consumers (group {@code report-service}) of every {@code aft.*} topic. A record that is not a valid
 * event fails here and the channel's dead-letter-queue strategy moves it to the topic's {@code .dlq} with the
 * reason; the consumer goes on with the next record.
 */
@ApplicationScoped
public class LiveConsumers {

    private static final Logger LOG = Logger.getLogger(LiveConsumers.class);

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

    private Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return Uni.createFrom().item(() -> EventCodec.decode(record.value()))
                .onFailure().invoke(e -> LOG.warnf("%s[%d]@%d is not a valid event, to the dead-letter topic: %s",
                        record.topic(), record.partition(), record.offset(), e.getMessage()))
                .chain(intake::accept)
                .replaceWithVoid();
    }
}
