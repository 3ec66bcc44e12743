package dev.aft.model.finetune;

import dev.aft.model.api.ListResponse;
import dev.aft.model.api.OpenAiException;
import dev.aft.model.config.ModelServiceConfig;
import dev.aft.model.files.FileService;
import dev.aft.model.models.ModelEntry;
import dev.aft.model.models.ModelRegistry;
import dev.aft.model.models.TokenizerSettings;
import dev.aft.model.persistence.FileEntity;
import dev.aft.model.persistence.JobEntity;
import dev.aft.model.persistence.JobStatus;
import dev.aft.model.persistence.JobStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Creates, lists, reads and cancels fine-tuning jobs; the {@link JobQueue} runs them. */
@ApplicationScoped
public class FineTuningService {

    private final ModelServiceConfig config;
    private final ModelRegistry registry;
    private final JobStore store;
    private final JobQueue queue;

    public FineTuningService(ModelServiceConfig config, ModelRegistry registry, JobStore store, JobQueue queue) {
        this.config = config;
        this.registry = registry;
        this.store = store;
        this.queue = queue;
    }

    /** Validates the request against the model and file, stores the job ({@code validating_files}) and queues it. */
    public Uni<JobView> create(byte[] body) {
        JobRequest request = JobRequest.parse(body, config.fineTuning());
        ModelEntry base = registry.require(request.model());
        if (base.adapter()) {
            throw OpenAiException.invalid("model", "The model '" + base.id() + "' is a LoRA adapter; fine-tune its"
                    + " base model" + (base.parent() == null ? "" : " '" + base.parent() + "'") + " instead.");
        }
        return store.file(request.trainingFile()).map(file -> {
            checkFile(request, file, base);
            JobEntity job = new JobEntity();
            job.id = "ftjob-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
            job.model = base.id();
            job.trainingFile = file.id;
            job.suffix = request.suffix();
            job.seed = request.seed();
            job.status = JobStatus.VALIDATING_FILES.wireName();
            job.createdTime = store.instant();
            job.createdAt = job.createdTime.getEpochSecond();
            job.settings = request.settings().toJson();
            job.attempts = 0;
            return job;
        }).chain(job -> store.createJob(job, "Validating training file: " + job.trainingFile))
                .invoke(queue::submit)
                .map(this::view);
    }

    private static void checkFile(JobRequest request, FileEntity file, ModelEntry base) {
        if (file == null) {
            throw OpenAiException.invalid("training_file", "invalid_training_file", "Invalid 'training_file': no"
                    + " file '" + request.trainingFile() + "' (upload it with POST /v1/files, purpose 'fine-tune').");
        }
        if (!FileService.FINE_TUNE.equals(file.purpose)) {
            throw OpenAiException.invalid("training_file", "invalid_training_file", "Invalid 'training_file': "
                    + file.id + " has purpose '" + file.purpose + "', not 'fine-tune'.");
        }
        if (file.formats.contains("messages")
                && TokenizerSettings.read(base.folder()).chatTemplate().isEmpty()) {
            throw OpenAiException.invalid("training_file", "invalid_training_file", "Invalid 'training_file': "
                    + file.id + " holds chat 'messages' but the model '" + base.id() + "' has no chat template.");
        }
    }

    public Uni<JobView> get(String id) {
        return require(id).map(this::view);
    }

    public Uni<ListResponse<JobView>> list(String after, int limit) {
        return store.jobs(after, limit).map(jobs -> ListResponse.page(
                jobs.stream().limit(limit).map(this::view).toList(), jobs.size() > limit));
    }

    public Uni<ListResponse<JobEventView>> events(String id, String after, int limit) {
        Long position = null;
        if (after != null) {
            try {
                position = Long.parseLong(after.replaceFirst("^ftevent-", ""));
            } catch (NumberFormatException e) {
                throw OpenAiException.invalid("after", "Invalid 'after': '" + after + "' is not an event id.");
            }
        }
        Long afterPosition = position;
        return require(id).chain(job -> store.events(id, afterPosition, limit)).map(events -> ListResponse.page(
                events.stream().limit(limit).map(JobEventView::of).toList(), events.size() > limit));
    }

    /** Cancels a job that has not finished; a running one stops at its next step. */
    public Uni<JobView> cancel(String id) {
        return require(id).chain(job -> {
            if (job.status().finished()) {
                throw OpenAiException.invalid(null, "job_not_cancellable", "Job " + id + " has already "
                        + job.status + "; only unfinished jobs can be cancelled.");
            }
            // Stop the worker first, so that no progress event follows the cancellation.
            queue.cancel(id);
            return store.transition(id, JobStatus.UNFINISHED, j -> {
                j.status = JobStatus.CANCELLED.wireName();
                j.finishedAt = store.now();
            }, "info", "Fine-tuning job cancelled");
        }).chain(cancelled -> cancelled == null ? cancel(id) : Uni.createFrom().item(view(cancelled)));
    }

    private Uni<JobEntity> require(String id) {
        return store.job(id).onItem().ifNull().failWith(() -> OpenAiException.notFound("fine_tuning_job_id",
                "No such fine-tuning job: " + id));
    }

    private JobView view(JobEntity job) {
        return JobView.of(job, config.owner());
    }
}
