package dev.aft.report.domain;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.events.StageProgressed;
import dev.aft.outbox.OutboxRelay;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What happens to each event, live or re-read by a rebuild: it is applied to the read model; a new one then
 * may complete its experiment's report (not while a rebuild runs: the model is partial until it ends), and
 * live subscribers hear about it.
 */
@ApplicationScoped
public class EventIntake {

    private final ReadModel model;
    private final Reporting reporting;
    private final OutboxRelay relay;
    private final Updates updates;
    private final AtomicBoolean rebuilding = new AtomicBoolean();

    public EventIntake(ReadModel model, Reporting reporting, OutboxRelay relay, Updates updates) {
        this.model = model;
        this.reporting = reporting;
        this.relay = relay;
        this.updates = updates;
    }

    public Uni<Boolean> accept(EventEnvelope<?> event) {
        // Two topics' first events of one experiment may both create its row: the loser retries and finds it.
        return model.apply(event)
                .onFailure().retry().withBackOff(Duration.ofMillis(50), Duration.ofSeconds(2)).atMost(10)
                .call(applied -> applied && !rebuilding.get() ? report(event.experimentId(), event, false)
                        : Uni.createFrom().voidItem())
                .invoke(applied -> {
                    if (applied) {
                        if (event.payload() instanceof StageProgressed progressed) {
                            updates.publish(new Updates.Update(event.experimentId(), "progress", progressed));
                        } else {
                            updates.publish(new Updates.Update(event.experimentId(), "report", null));
                        }
                    }
                });
    }

    /** Emits the experiment's report if it is due ({@link Reporting#check}); a failure is retried. */
    public Uni<Void> report(String experimentId, EventEnvelope<?> cause, boolean deadlines) {
        return reporting.check(experimentId, cause == null ? null : cause.id(), deadlines)
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).atMost(5)
                .invoke(kind -> {
                    if (kind != null) {
                        relay.kick();
                        updates.publish(new Updates.Update(experimentId, "report", null));
                    }
                }).replaceWithVoid();
    }

    public boolean rebuilding() {
        return rebuilding.get();
    }

    /** Marks a rebuild as running; false when one already is. */
    boolean startRebuild() {
        return rebuilding.compareAndSet(false, true);
    }

    void endRebuild() {
        rebuilding.set(false);
    }
}
