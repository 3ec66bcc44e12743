package dev.aft.model.finetune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aft.lm.training.TrainingListener;
import dev.aft.lm.training.TrainingProgress;
import java.time.Duration;
import java.util.Locale;

/**
 * Turns training progress into job events: a {@code metrics} event on the first and last step and at most
 * one per interval in between, and a message at every checkpoint.
 */
final class ProgressEvents implements TrainingListener {

    /** Where events go (the job's event table). */
    interface Sink {
        void event(String level, String type, String message, String data);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Sink sink;
    private final long intervalNanos;
    private long lastEvent = Long.MIN_VALUE;
    private int stepsBefore = -1;
    private int totalSteps;

    ProgressEvents(Sink sink, Duration interval) {
        this.sink = sink;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public void onStep(TrainingProgress progress) {
        if (stepsBefore < 0) {
            stepsBefore = progress.step() - 1;
        }
        totalSteps = progress.totalSteps();
        long now = System.nanoTime();
        boolean first = lastEvent == Long.MIN_VALUE;
        if (!first && progress.step() < progress.totalSteps() && now - lastEvent < intervalNanos) {
            return;
        }
        lastEvent = now;
        int stepsThisRun = Math.max(1, progress.step() - stepsBefore);
        double secondsPerStep = progress.elapsed().toNanos() / 1e9 / stepsThisRun;
        ObjectNode data = JSON.createObjectNode();
        data.put("step", progress.step());
        data.put("total_steps", progress.totalSteps());
        data.put("train_loss", progress.loss());
        data.put("learning_rate", progress.learningRate());
        data.put("tokens_per_second", Math.round(progress.tokensPerSecond() * 10) / 10.0);
        data.put("eta_seconds", Math.round((progress.totalSteps() - progress.step()) * secondsPerStep));
        sink.event("info", "metrics", String.format(Locale.ROOT, "Step %d/%d: training loss=%.4f", progress.step(),
                progress.totalSteps(), progress.loss()), data.toString());
    }

    @Override
    public void onCheckpoint(int step) {
        ObjectNode data = JSON.createObjectNode();
        data.put("step", step);
        data.put("total_steps", totalSteps);
        sink.event("info", "message", "Checkpoint created at step " + step, data.toString());
    }
}
