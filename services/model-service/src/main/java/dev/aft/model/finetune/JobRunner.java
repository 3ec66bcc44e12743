package dev.aft.model.finetune;

import dev.aft.lm.training.FineTuner;
import dev.aft.lm.training.TrainingCancelledException;
import dev.aft.lm.training.TrainingResult;
import dev.aft.model.config.ModelServiceConfig;
import dev.aft.model.files.FileService;
import dev.aft.model.files.TrainingFileParser;
import dev.aft.model.files.TrainingRecord;
import dev.aft.model.models.ModelEntry;
import dev.aft.model.models.ModelRegistry;
import dev.aft.model.persistence.JobEntity;
import dev.aft.model.persistence.JobStatus;
import dev.aft.model.persistence.JobStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The blocking work of a job, on the queue's threads: validating its file, then training, publishing the
 * fine-tuned model and recording the outcome. Training checkpoints into {@code <home>/jobs/<id>/work}; the
 * engine resumes from there when the same job runs again after a restart.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);

    private final ModelServiceConfig config;
    private final ModelRegistry registry;
    private final FileService files;
    private final JobStore store;

    public JobRunner(ModelServiceConfig config, ModelRegistry registry, FileService files, JobStore store) {
        this.config = config;
        this.registry = registry;
        this.files = files;
        this.store = store;
    }

    /** Checks the job's file against its model; yields whether the job is now queued for training. */
    public boolean validate(String id) {
        JobEntity job = store.job(id).await().atMost(DB_TIMEOUT);
        if (job == null || job.status() != JobStatus.VALIDATING_FILES) {
            return job != null && job.status() == JobStatus.QUEUED;
        }
        try {
            ModelEntry base = registry.find(job.model).orElseThrow(() -> new IllegalArgumentException(
                    "the model '" + job.model + "' no longer exists"));
            List<TrainingRecord> records = files.records(job.trainingFile);
            TrainingExamples.Result examples = TrainingExamples.of(records, base.folder());
            if (examples.examples().isEmpty()) {
                throw new IllegalArgumentException("no example has a token to learn");
            }
        } catch (TrainingFileParser.InvalidTrainingFile | IllegalArgumentException | UncheckedIOException e) {
            fail(id, EnumSet.of(JobStatus.VALIDATING_FILES), "invalid_training_file", "training_file",
                    "The training file " + job.trainingFile + " cannot be used: " + e.getMessage());
            return false;
        }
        return store.transition(id, EnumSet.of(JobStatus.VALIDATING_FILES), j -> j.status = JobStatus.QUEUED.wireName(),
                "info", "Files validated, moving job to queued state").await().atMost(DB_TIMEOUT) != null;
    }

    /**
     * Trains a queued job (or resumes one that was running when the service stopped).
     *
     * @param stop      true once the job is cancelled or the service stops
     * @param stopping  true once the service stops: the job stays running and resumes at the next start
     */
    public void train(String id, BooleanSupplier stop, BooleanSupplier stopping) {
        JobEntity before = store.job(id).await().atMost(DB_TIMEOUT);
        if (before == null || (before.status() != JobStatus.QUEUED && before.status() != JobStatus.RUNNING)) {
            return;
        }
        boolean restarted = before.status() == JobStatus.RUNNING;
        JobEntity job = store.transition(id, EnumSet.of(JobStatus.QUEUED, JobStatus.RUNNING), j -> {
            j.status = JobStatus.RUNNING.wireName();
            j.startedAt = j.startedAt == null ? store.now() : j.startedAt;
            j.attempts++;
        }, "info", restarted ? "Resuming after a service restart (attempt " + (before.attempts + 1)
                + "): training continues from the last checkpoint" : "Fine-tuning job started")
                .await().atMost(DB_TIMEOUT);
        if (job == null) {
            return;
        }
        Path folder = jobFolder(id);
        Path output = folder.resolve("output");
        ModelEntry base = registry.find(job.model).orElse(null);
        if (base == null) {
            fail(id, EnumSet.of(JobStatus.RUNNING), "model_not_found", "model", "The model '" + job.model
                    + "' is no longer served.");
            return;
        }
        try {
            TrainingExamples.Result examples = TrainingExamples.of(files.records(job.trainingFile), base.folder());
            if (examples.truncated() > 0) {
                event(id, "warn", "message", examples.truncated() + " example(s) were longer than the model's"
                        + " context and were cut to fit", null);
            }
            deleteTree(output);
            // After a cancel, nothing more is reported: the cancel is the job's last event.
            ProgressEvents progress = new ProgressEvents((level, type, message, data) -> {
                if (!stop.getAsBoolean() || stopping.getAsBoolean()) {
                    event(id, level, type, message, data);
                }
            }, config.fineTuning().progressInterval());
            TrainingResult result = FineTuner.train(base.folder(), examples.examples(),
                    JobSettings.fromJson(job.settings).toOptions(job.seed), folder.resolve("work"), output, progress,
                    stop, base.id());
            publish(job, base, result);
        } catch (TrainingCancelledException e) {
            if (stopping.getAsBoolean()) {
                LOG.infof("job %s stopped at step %d; it resumes at the next start", id, e.step());
                event(id, "info", "message", "The service is stopping: the job pauses at step " + e.step()
                        + " and resumes from its checkpoint at the next start", null);
            } else {
                LOG.infof("job %s cancelled at step %d", id, e.step());
                deleteTree(folder);
            }
        } catch (RuntimeException e) {
            if (stopping.getAsBoolean()) {
                LOG.warnf("job %s interrupted by the service stopping: %s", id, e);
                return;
            }
            LOG.errorf(e, "job %s failed", id);
            fail(id, EnumSet.of(JobStatus.RUNNING), e instanceof IllegalArgumentException ? "invalid_training_file"
                    : "training_failed", null, "Fine-tuning failed: " + e.getMessage());
            deleteTree(folder);
        }
    }

    /** Moves the output under {@code <home>/models}, serves it, and marks the job succeeded. */
    private void publish(JobEntity job, ModelEntry base, TrainingResult result) {
        String modelId = fineTunedModelId(job);
        Path target = registry.modelsFolder().resolve(modelId);
        try {
            if (Files.isDirectory(target)) {
                // An earlier attempt published it and stopped before recording success: same job, same weights.
                deleteTree(result.output());
            } else {
                Files.move(result.output(), target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move the fine-tuned model to " + target, e);
        }
        long now = store.now();
        registry.registerFineTuned(modelId, target, base.id(), job.id, now);
        event(job.id, "info", "message", "New fine-tuned model created: " + modelId, null);
        JobEntity done = store.transition(job.id, EnumSet.of(JobStatus.RUNNING), j -> {
            j.status = JobStatus.SUCCEEDED.wireName();
            j.fineTunedModel = modelId;
            j.trainedTokens = result.tokens();
            j.finishedAt = now;
        }, "info", String.format(java.util.Locale.ROOT, "The job has successfully completed: %d steps, final loss"
                + " %.4f, %d tokens%s", result.steps(), result.finalLoss(), result.tokens(),
                result.resumed() ? " (resumed from a checkpoint)" : "")).await().atMost(DB_TIMEOUT);
        if (done == null) {
            // Cancelled while the last steps ran: the cancel stands, the model goes.
            registry.unregister(modelId);
            deleteTree(target);
        }
        deleteTree(jobFolder(job.id));
    }

    /** {@code ft:<base>:<suffix>:<8 characters of the job id>} (no suffix: {@code ft:<base>:<8 characters>}). */
    static String fineTunedModelId(JobEntity job) {
        String shortId = job.id.substring("ftjob-".length(), "ftjob-".length() + 8);
        return "ft:" + job.model + ":" + (job.suffix == null ? "" : job.suffix + ":") + shortId;
    }

    private void fail(String id, EnumSet<JobStatus> from, String code, String param, String message) {
        try {
            store.transition(id, from, j -> {
                j.status = JobStatus.FAILED.wireName();
                j.errorCode = code;
                j.errorMessage = message;
                j.errorParam = param;
                j.finishedAt = store.now();
            }, "error", message).await().atMost(DB_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.errorf(e, "cannot record the failure of job %s", id);
        }
    }

    private void event(String id, String level, String type, String message, String data) {
        try {
            store.addRunEvent(id, level, type, message, data).await().atMost(DB_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.warnf("cannot record an event of job %s (%s): %s", id, message, e.toString());
        }
    }

    public Path jobFolder(String id) {
        return config.home().resolve("jobs").resolve(id).toAbsolutePath().normalize();
    }

    static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("cannot delete %s: %s", folder, e.toString());
        }
    }
}
