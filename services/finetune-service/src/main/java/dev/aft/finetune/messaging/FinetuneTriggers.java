package dev.aft.finetune.messaging;

import dev.aft.contracts.Topics;
import dev.aft.contracts.serde.EventCodec;
import dev.aft.finetune.domain.EventIntake;
import dev.aft.finetune.domain.RunWorkers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The consumers (group {@code finetune-service}): {@code DatasetCreated} on {@code aft.datasets} and
 * {@code AugmentationCompleted} on {@code aft.augmentations} become pending training runs. A record that is not
 * a valid event fails here and the channel's dead-letter-queue strategy moves it to the topic's {@code .dlq}.
 */
@ApplicationScoped
public class FinetuneTriggers {

    private static final Logger LOG = Logger.getLogger(FinetuneTriggers.class);

    private final EventIntake intake;
    private final RunWorkers workers;

    public FinetuneTriggers(EventIntake intake, RunWorkers workers) {
        this.intake = intake;
        this.workers = workers;
    }

    @Incoming(Topics.DATASETS)
    public Uni<Void> datasets(ConsumerRecord<String, byte[]> record) {
        return consume(record);
    }

    @Incoming(Topics.AUGMENTATIONS)
    public Uni<Void> augmentations(ConsumerRecord<String, byte[]> record) {
        return consume(record);
    }

    private Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return Uni.createFrom().item(() -> EventCodec.decode(record.value()))
                .onFailure().invoke(e -> LOG.warnf("%s[%d]@%d is not a valid event, to the dead-letter topic: %s",
                        record.topic(), record.partition(), record.offset(), e.getMessage()))
                .chain(event -> intake.accept(event)
                        .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5)
                        .invoke(created -> {
                            if (!created.isEmpty()) {
                                LOG.infof("%s %s (%s) -> runs %s", event.type(), event.id(), event.experimentId(),
                                        created);
                            }
                            workers.wake();
                        }))
                .replaceWithVoid();
    }
}
