package dev.aft.finetune.domain;

import dev.aft.contracts.content.ContentFetcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aft.contracts.plan.AugmentStrategy;
import dev.aft.contracts.plan.FineTunePlan;
import dev.aft.contracts.plan.Hyperparameters;
import dev.aft.knowledge.DatasetJsonl;
import dev.aft.knowledge.Document;
import dev.aft.modelclient.ModelApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * One run, start to finish, on a worker thread: assemble and store the training set (once), find the run's
 * job on the backend by its suffix or upload the file and submit it (recording each id at once), then poll the
 * job with backoff, relaying its loss curve, until it finishes or the overall timeout cancels it. Taken up again
 * after a restart, it skips every step whose result is recorded: a job is never submitted twice.
 */
public final class TrainingRun {

    /** Where the run's steps are recorded (the database, in the service). */
    public interface Recorder {
        void assembled(TrainingSet set, Hyperparameters hyperparameters);

        byte[] trainingContent();

        void fileUploaded(String fileId);

        void jobSubmitted(String jobId);

        void progress(List<TrainingBackend.LossPoint> curve);
    }

    /** A finished job: the model it made, its loss curve, the tokens it trained on. */
    public record Outcome(String modelId, List<TrainingBackend.LossPoint> curve, long tokens) {
    }

    /** Polling and time limits. */
    public record Settings(Duration pollInterval, Duration maxPollInterval, Duration progressInterval, Duration timeout) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Polls in a row (each after the client's own retries) that may go unanswered before the run fails. */
    private static final int MAX_UNANSWERED_POLLS = 10;

    private final ContentFetcher fetcher;
    private final Settings settings;

    public TrainingRun(ContentFetcher fetcher, Settings settings) {
        this.fetcher = fetcher;
        this.settings = settings;
    }

    public Outcome run(Runs.Snapshot run, TrainingBackend backend, Recorder recorder) {
        String jobId = run.jobId();
        if (jobId == null) {
            Hyperparameters hyperparameters = run.hyperparameters();
            byte[] jsonl;
            if (hyperparameters == null) {
                TrainingSet set = assemble(run);
                hyperparameters = hyperparameters(run.plan().finetune(), set);
                recorder.assembled(set, hyperparameters);
                jsonl = set.jsonl();
            } else {
                jsonl = recorder.trainingContent();
            }
            String suffix = RunIds.jobSuffix(run.id());
            jobId = backend.findJob(suffix).orElse(null);
            if (jobId == null) {
                String fileId = run.fileId();
                if (fileId == null) {
                    fileId = backend.uploadFile("training-" + run.id() + ".jsonl", jsonl);
                    recorder.fileUploaded(fileId);
                }
                jobId = backend.createJob(new TrainingBackend.JobSpec(run.baseModel(), fileId, hyperparameters, suffix));
            }
            recorder.jobSubmitted(jobId);
        }
        return follow(run, jobId, backend, recorder);
    }

    private Outcome follow(Runs.Snapshot run, String jobId, TrainingBackend backend, Recorder recorder) {
        Instant deadline = run.startedAt().plus(settings.timeout());
        long wait = Math.max(10, settings.pollInterval().toMillis());
        long maxWait = Math.max(wait, settings.maxPollInterval().toMillis());
        long lastProgress = Long.MIN_VALUE;
        int relayed = 0;
        int unanswered = 0;
        while (true) {
            TrainingBackend.JobStatus job;
            List<TrainingBackend.LossPoint> curve;
            try {
                job = backend.job(jobId);
                curve = backend.losses(jobId);
                unanswered = 0;
            } catch (ModelApiException e) {
                // a backend restarting mid-job is waited for (its jobs survive restarts); a 4xx is final
                if (!e.retryable() || ++unanswered > MAX_UNANSWERED_POLLS || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                wait = Math.min(maxWait, wait * 2);
                sleep(wait);
                continue;
            }
            if (job.finished()) {
                if (!job.succeeded()) {
                    throw new TrainingFailure("fine-tuning job " + jobId + " at " + backend.describe() + " ended "
                            + job.status() + (job.error() == null ? "" : ": " + job.error()));
                }
                long tokens = job.trainedTokens() == null ? 0 : job.trainedTokens();
                return new Outcome(job.fineTunedModel(), curve, tokens);
            }
            if (Instant.now().isAfter(deadline)) {
                try {
                    backend.cancel(jobId);
                } catch (RuntimeException e) {
                    // the timeout is the reason reported; a failed cancel changes nothing about it
                }
                throw new TrainingFailure("fine-tuning job " + jobId + " did not finish within " + settings.timeout()
                        + " (cancelled; last status " + job.status() + ")");
            }
            boolean changed = curve.size() > relayed;
            long now = System.nanoTime();
            if (changed && now - lastProgress >= settings.progressInterval().toNanos()) {
                recorder.progress(curve);
                relayed = curve.size();
                lastProgress = now;
            }
            wait = changed ? Math.max(10, settings.pollInterval().toMillis()) : Math.min(maxWait, wait * 2);
            sleep(wait);
        }
    }

    /** The run's training set: its documents under the plan's splitting plus its condition's augmentations. */
    TrainingSet assemble(Runs.Snapshot run) {
        byte[] documents = fetcher.fetch(run.documents(), "documents.jsonl");
        List<Document> parsed = DatasetJsonl.readDocuments(new ByteArrayInputStream(documents));
        Map<String, List<String>> statements = new LinkedHashMap<>();
        for (AugmentStrategy strategy : run.condition().augmentations()) {
            var link = run.augmentations().get(strategy);
            if (link == null) {
                throw new TrainingFailure("no " + strategy.wireName() + " augmentation of dataset " + run.datasetId());
            }
            statements.put(strategy.wireName(), statements(fetcher.fetch(link, strategy.wireName() + " statements.jsonl")));
        }
        return TrainingSet.assemble(parsed, run.plan().finetune().splitting(), statements,
                run.plan().finetune().hyperparameters().seed());
    }

    /** The {@code text} of each line of an augmentation's {@code statements.jsonl}. */
    static List<String> statements(byte[] jsonl) {
        List<String> texts = new ArrayList<>();
        String[] lines = new String(jsonl, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                JsonNode line = JSON.readTree(lines[i]);
                if (!line.path("text").isTextual()) {
                    throw new TrainingFailure("statements.jsonl line " + (i + 1) + " has no \"text\"");
                }
                texts.add(line.get("text").asText());
            } catch (IOException e) {
                throw new TrainingFailure("statements.jsonl line " + (i + 1) + " is not JSON: " + e.getMessage(), e);
            }
        }
        return texts;
    }

    /**
     * The plan's hyperparameters. Data-matched: as planned, whatever the set's size. Otherwise the steps grow
     * with the set, so that every condition makes as many passes over its data as {@code ft} over the documents.
     */
    static Hyperparameters hyperparameters(FineTunePlan plan, TrainingSet set) {
        Hyperparameters planned = plan.hyperparameters();
        int documents = set.bySource().getOrDefault(TrainingSet.DOCUMENTS, 0);
        if (plan.dataMatched() || documents == 0 || set.examples().size() == documents) {
            return planned;
        }
        int steps = (int) Math.max(1, Math.round(planned.steps() * (double) set.examples().size() / documents));
        return new Hyperparameters(steps, planned.batchSize(), planned.learningRate(), planned.method(), planned.lora(),
                planned.seed());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }
}
