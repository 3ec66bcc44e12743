package dev.aft.finetune.domain;

import dev.aft.contracts.content.ContentFetcher;

import dev.aft.contracts.plan.Hyperparameters;
import dev.aft.finetune.config.FinetuneServiceConfig;
import dev.aft.modelclient.ModelApiException;
import dev.aft.modelclient.ModelClient;
import dev.aft.modelclient.ModelClientSettings;
import dev.aft.outbox.OutboxRelay;
import dev.aft.outbox.Reactive;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs training runs on a bounded pool of worker threads (backend calls block; never on the event loop). A
 * dispatcher takes up pending runs, and at start the runs a previous process left running, which re-attach to
 * their recorded (or suffix-found) job. One instance per database.
 */
@ApplicationScoped
public class RunWorkers {

    private static final Logger LOG = Logger.getLogger(RunWorkers.class);

    private final FinetuneServiceConfig config;
    private final Runs runs;
    private final OutboxRelay relay;
    private final TrainingRun training;
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean stopping;
    private volatile TrainingBackend backend;
    private ExecutorService pool;
    private Thread dispatcher;

    public RunWorkers(FinetuneServiceConfig config, Runs runs, OutboxRelay relay) {
        this.config = config;
        this.runs = runs;
        this.relay = relay;
        FinetuneServiceConfig.Workers workers = config.workers();
        this.training = new TrainingRun(new ContentFetcher(config.content().timeout(), config.content().attempts(),
                TrainingFailure::new),
                new TrainingRun.Settings(workers.jobPollInterval(), workers.maxJobPollInterval(),
                        workers.progressInterval(), workers.timeout()));
    }

    void start(@Observes StartupEvent event) {
        backend = backend(config);
        AtomicInteger number = new AtomicInteger();
        pool = Executors.newFixedThreadPool(config.workers().concurrency(), r -> {
            Thread thread = new Thread(r, "finetune-worker-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        dispatcher = new Thread(this::dispatchLoop, "finetune-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    /** The configured backend ({@code aft.finetune.backend}). */
    static TrainingBackend backend(FinetuneServiceConfig config) {
        if (!"openai".equals(config.backend())) {
            throw new IllegalStateException("aft.finetune.backend '" + config.backend() + "' is not known (known: openai)");
        }
        FinetuneServiceConfig.Model model = config.model();
        return new OpenAiFineTuning(new ModelClient(new ModelClientSettings(URI.create(model.baseUrl()),
                model.apiKey().orElse(null), model.requestTimeout(), 4, model.maxAttempts(), model.initialBackoff(),
                model.maxBackoff())));
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (dispatcher != null) {
            dispatcher.interrupt();
        }
        if (pool != null) {
            pool.shutdownNow();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public void wake() {
        wakeUps.release();
    }

    private void dispatchLoop() {
        long poll = Math.max(100, config.workers().pollInterval().toMillis());
        while (!stopping) {
            try {
                dispatch();
                wakeUps.tryAcquire(poll, TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!stopping) {
                    LOG.warnf("looking for runs failed: %s", e.toString());
                    try {
                        Thread.sleep(poll);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }
    }

    private void dispatch() {
        int free = config.workers().concurrency() - inFlight.size();
        if (free <= 0) {
            return;
        }
        int limit = free + inFlight.size();
        List<UUID> unfinished = Reactive.await(() -> runs.unfinished(limit));
        for (UUID id : unfinished) {
            if (free > 0 && inFlight.add(id)) {
                free--;
                pool.submit(() -> runOne(id));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void runOne(UUID id) {
        List<TrainingBackend.LossPoint>[] curve = new List[] {List.of()};
        try {
            Runs.Snapshot run = Reactive.await(() -> runs.take(id));
            if (run == null) {
                return;
            }
            LOG.infof("run %s: %s of dataset %s on %s%s", id, run.condition().wireName(), run.datasetId(),
                    run.baseModel(), run.jobId() == null ? "" : ", re-attaching to job " + run.jobId());
            try {
                TrainingRun.Outcome outcome = training.run(run, backend, recorder(run, curve));
                long millis = Duration.between(run.startedAt(), Instant.now()).toMillis();
                Reactive.await(() -> runs.succeed(id, outcome.modelId(), outcome.curve(), outcome.tokens(), millis));
                LOG.infof("run %s trained %s in %d ms", id, outcome.modelId(), millis);
            } catch (TrainingFailure e) {
                failed(id, e.getMessage(), curve[0]);
            } catch (ModelApiException e) {
                failed(id, "the fine-tuning backend at " + backend.describe() + " failed: " + e.getMessage(), curve[0]);
            } catch (CancellationException e) {
                LOG.infof("run %s stopped (%s); it is taken up again at the next start", id, e.getMessage());
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                LOG.errorf(e, "run %s failed unexpectedly", id);
                failed(id, "unexpected error: " + e, curve[0]);
            }
            publish();
        } catch (RuntimeException e) {
            if (!stopping) {
                LOG.errorf(e, "could not record the outcome of run %s; it is tried again", id);
            }
        } finally {
            inFlight.remove(id);
        }
    }

    private void failed(UUID id, String reason, List<TrainingBackend.LossPoint> curve) {
        LOG.warnf("run %s failed: %s", id, reason);
        Reactive.await(() -> runs.fail(id, reason, curve));
    }

    private TrainingRun.Recorder recorder(Runs.Snapshot run, List<TrainingBackend.LossPoint>[] curve) {
        UUID id = run.id();
        return new TrainingRun.Recorder() {
            @Override
            public void assembled(TrainingSet set, Hyperparameters hyperparameters) {
                Reactive.await(() -> runs.assembled(id, set, run.plan().finetune().splitting(), hyperparameters));
                LOG.infof("run %s: training set of %d examples %s", id, set.examples().size(), set.bySource());
            }

            @Override
            public byte[] trainingContent() {
                byte[] content = Reactive.await(() -> runs.trainingContent(id));
                if (content == null) {
                    throw new TrainingFailure("the stored training set of run " + id + " is missing");
                }
                return content;
            }

            @Override
            public void fileUploaded(String fileId) {
                Reactive.await(() -> runs.fileUploaded(id, fileId));
            }

            @Override
            public void jobSubmitted(String jobId) {
                Reactive.await(() -> runs.jobSubmitted(id, jobId));
                LOG.infof("run %s: job %s", id, jobId);
            }

            @Override
            public void progress(List<TrainingBackend.LossPoint> points) {
                curve[0] = points;
                try {
                    Reactive.await(() -> runs.progress(id, points));
                    publish();
                } catch (RuntimeException e) {
                    LOG.debugf("progress of %s not recorded: %s", id, e.toString());
                }
            }
        };
    }

    private void publish() {
        try {
            Reactive.await(relay::relay);
        } catch (RuntimeException e) {
            LOG.debugf("outbox relay pass failed (the scheduled pass retries): %s", e.toString());
        }
    }
}
