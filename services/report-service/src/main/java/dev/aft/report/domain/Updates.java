package dev.aft.report.domain;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/** Tells live subscribers (the SSE streams) that an experiment changed: its progress, or its report. */
@ApplicationScoped
public class Updates {

    /** {@code kind}: {@code progress} (with the {@code StageProgressed} as {@code data}) or {@code report}. */
    public record Update(String experimentId, String kind, Object data) {
    }

    private final BroadcastProcessor<Update> processor = BroadcastProcessor.create();

    public void publish(Update update) {
        processor.onNext(update);
    }

    public Multi<Update> of(String experimentId) {
        return processor.filter(u -> u.experimentId() == null || u.experimentId().equals(experimentId));
    }
}
