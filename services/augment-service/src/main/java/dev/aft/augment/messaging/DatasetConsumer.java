package dev.aft.augment.messaging;

import dev.aft.augment.run.RunWorkers;
import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.InvalidEventException;
import dev.aft.contracts.Topics;
import dev.aft.contracts.events.DatasetCreated;
import dev.aft.contracts.serde.EventCodec;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code aft.datasets} (group {@code augment-service}). A message that is not a valid event fails and
 * goes to the dead-letter topic with the reason (the channel's failure strategy); other event types are
 * skipped; a {@code DatasetCreated} becomes its runs, which the worker pool then executes. Database trouble is
 * retried with backoff before the message counts as failed.
 */
@ApplicationScoped
public class DatasetConsumer {

    private static final Logger LOG = Logger.getLogger(DatasetConsumer.class);

    private final RunRequests requests;
    private final RunWorkers workers;

    public DatasetConsumer(RunRequests requests, RunWorkers workers) {
        this.requests = requests;
        this.workers = workers;
    }

    @Incoming(Topics.DATASETS)
    public Uni<Void> consume(byte[] message) {
        EventEnvelope<?> event = EventCodec.decode(message);
        if (!(event.payload() instanceof DatasetCreated)) {
            LOG.debugf("skipping %s %s: augment-service acts on DatasetCreated only", event.type(), event.id());
            return Uni.createFrom().voidItem();
        }
        @SuppressWarnings("unchecked")
        EventEnvelope<DatasetCreated> created = (EventEnvelope<DatasetCreated>) event;
        return requests.accept(created)
                .onFailure(failure -> !(failure instanceof InvalidEventException))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5)
                .invoke(runs -> {
                    if (!runs.isEmpty()) {
                        LOG.infof("DatasetCreated %s (experiment %s): augmentation runs %s", created.id(),
                                created.experimentId(), runs);
                    }
                    workers.submitAll(runs);
                })
                .replaceWithVoid();
    }
}
