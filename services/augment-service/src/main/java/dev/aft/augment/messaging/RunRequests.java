package dev.aft.augment.messaging;

import dev.aft.augment.persistence.ProcessedEventEntity;
import dev.aft.augment.persistence.RunEntity;
import dev.aft.augment.persistence.RunState;
import dev.aft.augment.run.ModelBackends;
import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.events.DatasetCreated;
import dev.aft.contracts.plan.AugmentStrategy;
import dev.aft.contracts.serde.EventCodec;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns a {@code DatasetCreated} into one pending run per planned strategy, in one transaction with the
 * processed-event row: a redelivered event finds its id there and creates nothing.
 */
@ApplicationScoped
public class RunRequests {

    private final ModelBackends backends;

    public RunRequests(ModelBackends backends) {
        this.backends = backends;
    }

    /** The id of the run of {@code strategy} that event {@code eventId} asks for: the same on every delivery. */
    public static String runId(UUID eventId, AugmentStrategy strategy) {
        return "aug-" + UUID.nameUUIDFromBytes((eventId + "/" + strategy.wireName()).getBytes(StandardCharsets.UTF_8));
    }

    /** Records the event and creates its runs; yields the new run ids (none when the event was seen before). */
    public Uni<List<String>> accept(EventEnvelope<DatasetCreated> event) {
        return Panache.withTransaction(() -> ProcessedEventEntity.<ProcessedEventEntity>findById(event.id())
                .chain(seen -> seen != null ? Uni.createFrom().item(List.<String>of()) : create(event)));
    }

    private Uni<List<String>> create(EventEnvelope<DatasetCreated> event) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ProcessedEventEntity processed = new ProcessedEventEntity();
        processed.eventId = event.id();
        processed.type = event.type();
        processed.processedAt = now;
        DatasetCreated created = event.payload();
        String source = EventCodec.encodeToString(event);
        List<RunEntity> runs = new ArrayList<>();
        for (AugmentStrategy strategy : created.plan().augment().strategies()) {
            RunEntity run = new RunEntity();
            run.id = runId(event.id(), strategy);
            run.experimentId = event.experimentId();
            run.datasetId = created.datasetId();
            run.sourceEventId = event.id();
            run.sourceEvent = source;
            run.strategy = strategy.wireName();
            run.state = RunState.PENDING;
            run.backend = created.plan().model().backend();
            run.model = backends.modelFor(created.plan().model().baseModel());
            run.createdAt = now;
            runs.add(run);
        }
        return processed.persist()
                .chain(() -> runs.isEmpty() ? Uni.createFrom().voidItem() : PanacheEntityBase.persist(runs))
                .replaceWith(runs.stream().map(r -> r.id).toList());
    }
}
