package dev.aft.augment.run;

import dev.aft.augment.config.AugmentServiceConfig;
import dev.aft.augment.persistence.RunStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The bounded pool that executes runs off the event loop ({@code aft.augment.runs.concurrency} at a time, the
 * rest waiting in order). A run is never executed twice at once. At start, and every
 * {@code aft.augment.runs.resume-interval}, unfinished runs are looked up and resumed.
 */
@ApplicationScoped
public class RunWorkers {

    private static final Logger LOG = Logger.getLogger(RunWorkers.class);

    private final AugmentationRunner runner;
    private final RunStore store;
    private final ExecutorService pool;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    public RunWorkers(AugmentationRunner runner, RunStore store, AugmentServiceConfig config) {
        this.runner = runner;
        this.store = store;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, config.runs().concurrency()), task -> {
            Thread thread = new Thread(task, "augment-run-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public void submitAll(Collection<String> runIds) {
        runIds.forEach(this::submit);
    }

    public void submit(String runId) {
        if (stopping || !queued.add(runId)) {
            return;
        }
        pool.execute(() -> {
            try {
                runner.execute(runId);
            } catch (RuntimeException e) {
                LOG.errorf(e, "augmentation %s could not be executed; it is retried later", runId);
            } finally {
                queued.remove(runId);
            }
        });
    }

    /** Resumes unfinished runs: at start (the first execution) and then periodically. */
    @Scheduled(every = "${aft.augment.runs.resume-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resumeUnfinished() {
        if (stopping) {
            return;
        }
        try {
            submitAll(store.unfinished());
        } catch (RuntimeException e) {
            LOG.warnf("cannot look up unfinished augmentations: %s", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        runner.stop();
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
