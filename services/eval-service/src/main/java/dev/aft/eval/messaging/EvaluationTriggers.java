package dev.aft.eval.messaging;

import dev.aft.contracts.Topics;
import dev.aft.contracts.serde.EventCodec;
import dev.aft.eval.domain.EventIntake;
import dev.aft.eval.domain.EvaluationWorkers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The live consumers (group {@code eval-service}): {@code DatasetCreated} on {@code aft.datasets} and
 * {@code ModelTrained} on {@code aft.models} become pending evaluations. A record that is not a valid event
 * fails here and the channel's dead-letter-queue strategy moves it to the topic's {@code .dlq} with the reason;
 * the consumer goes on with the next record.
 */
@ApplicationScoped
public class EvaluationTriggers {

    private static final Logger LOG = Logger.getLogger(EvaluationTriggers.class);

    private final EventIntake intake;
    private final EvaluationWorkers workers;

    public EvaluationTriggers(EventIntake intake, EvaluationWorkers workers) {
        this.intake = intake;
        this.workers = workers;
    }

    @Incoming(Topics.DATASETS)
    public Uni<Void> datasets(ConsumerRecord<String, byte[]> record) {
        return consume(record);
    }

    @Incoming(Topics.MODELS)
    public Uni<Void> models(ConsumerRecord<String, byte[]> record) {
        return consume(record);
    }

    private Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return Uni.createFrom().item(() -> EventCodec.decode(record.value()))
                .onFailure().invoke(e -> LOG.warnf("%s[%d]@%d is not a valid event, to the dead-letter topic: %s",
                        record.topic(), record.partition(), record.offset(), e.getMessage()))
                .chain(event -> intake.live(event)
                        .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5)
                        .invoke(created -> {
                            if (!created.isEmpty()) {
                                LOG.infof("%s %s (%s) -> evaluations %s", event.type(), event.id(),
                                        event.experimentId(), created);
                            }
                            workers.wake();
                        }))
                .replaceWithVoid();
    }
}
