package dev.aft.augment.run;

import dev.aft.augment.config.AugmentServiceConfig;
import dev.aft.augment.persistence.RunEntity;
import dev.aft.augment.persistence.RunState;
import dev.aft.augment.persistence.RunStore;
import dev.aft.modelclient.ModelApiException;
import dev.aft.outbox.OutboxRelay;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Executes one run on the calling worker thread ({@link RunWorkers} calls it). A reason to stop for good (the
 * model unreachable after the client's retries, an unknown backend or model, broken documents) fails the run
 * with {@code AugmentationFailed}; anything else (the database, the service shutting down) leaves it running,
 * to be resumed.
 */
@ApplicationScoped
public class AugmentationRunner {

    private static final Logger LOG = Logger.getLogger(AugmentationRunner.class);

    /** What a run execution needs. */
    record Services(AugmentServiceConfig config, RunStore store, ModelBackends backends, DocumentSource documents,
            PromptTemplates templates, OutboxRelay relay, ExecutorService modelCalls) {
    }

    private final Services services;
    private volatile boolean stopping;

    public AugmentationRunner(AugmentServiceConfig config, RunStore store, ModelBackends backends,
            DocumentSource documents, PromptTemplates templates, OutboxRelay relay) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService modelCalls = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "augment-model-call-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.services = new Services(config, store, backends, documents, templates, relay, modelCalls);
    }

    public void execute(String runId) {
        RunEntity run = services.store().start(runId, Instant.now());
        if (run == null) {
            return;
        }
        LOG.infof("augmentation %s (%s, model %s) %s", run.id, run.strategy, run.model,
                run.state == RunState.RUNNING && run.plannedOutputs != null ? "resumes" : "starts");
        try {
            new RunExecution(services, run).execute();
            LOG.infof("augmentation %s finished", run.id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.infof("augmentation %s interrupted; it resumes at the next start", run.id);
        } catch (RunFailure e) {
            fail(run, e.getMessage());
        } catch (ModelApiException e) {
            if (stopping || Thread.currentThread().isInterrupted() || "interrupted".equals(e.type())) {
                LOG.infof("augmentation %s stopped (%s); it resumes at the next start", run.id, e.getMessage());
            } else {
                fail(run, "model backend '" + run.backend + "': " + e.getMessage());
            }
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.infof("augmentation %s stopped by shutdown (%s); it resumes at the next start", run.id, e);
            } else if (run.attempts >= services.config().runs().maxAttempts()) {
                LOG.errorf(e, "augmentation %s hit an unexpected error in attempt %d; it fails", run.id, run.attempts);
                fail(run, "gave up after " + run.attempts + " attempts; the last one failed with " + e);
            } else {
                LOG.errorf(e, "augmentation %s hit an unexpected error in attempt %d; it stays running and is retried",
                        run.id, run.attempts);
            }
        }
    }

    private void fail(RunEntity run, String reason) {
        if (stopping) {
            LOG.infof("augmentation %s not failed during shutdown (%s); it resumes at the next start", run.id, reason);
            return;
        }
        LOG.warnf("augmentation %s failed: %s", run.id, reason);
        String producer = services.config().producer();
        boolean failed = services.store().finish(run.id, r -> {
            r.state = RunState.FAILED;
            r.finishedAt = Instant.now();
            r.failureReason = reason;
            return List.of(RunEvents.failed(r, producer, reason));
        }, null);
        if (failed) {
            services.relay().kick();
        }
    }

    /** Stops handing out model calls; runs in progress end without being failed. */
    public void stop() {
        stopping = true;
        services.modelCalls().shutdownNow();
    }

    @PreDestroy
    void close() {
        stop();
    }
}
