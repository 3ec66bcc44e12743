package dev.aft.finetune.domain;

import dev.aft.contracts.plan.Hyperparameters;
import java.util.List;
import java.util.Optional;

/**
 * Where training happens. Every call blocks; a failure that retrying will not mend is a {@link TrainingFailure}
 * (or the client's exception, which the worker turns into one).
 */
public interface TrainingBackend {

    /** What to train: the base model, the uploaded training file, the hyperparameters, and the run's marker. */
    record JobSpec(String baseModel, String fileId, Hyperparameters hyperparameters, String suffix) {
    }

    /** A job as the backend reports it now. */
    record JobStatus(String id, String status, String fineTunedModel, Long trainedTokens, String error) {

        public boolean succeeded() {
            return "succeeded".equals(status);
        }

        public boolean finished() {
            return succeeded() || "failed".equals(status) || "cancelled".equals(status);
        }
    }

    /** One step's training loss from the job's events. */
    record LossPoint(int step, int totalSteps, double loss) {
    }

    /** Uploads a training file; its id. */
    String uploadFile(String filename, byte[] jsonl);

    /** The job carrying {@code suffix}, if the backend has one (a job submitted before a crash). */
    Optional<String> findJob(String suffix);

    /** Submits a job; its id. */
    String createJob(JobSpec spec);

    JobStatus job(String jobId);

    /** The job's loss points so far, by step. */
    List<LossPoint> losses(String jobId);

    void cancel(String jobId);

    /** Where the backend is, for messages. */
    String describe();
}
