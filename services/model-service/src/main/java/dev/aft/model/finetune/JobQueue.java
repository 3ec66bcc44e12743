package dev.aft.model.finetune;

import dev.aft.model.config.ModelServiceConfig;
import dev.aft.model.persistence.JobEntity;
import dev.aft.model.persistence.JobStatus;
import dev.aft.model.persistence.JobStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs fine-tuning jobs: file validation on one thread, training on a fixed pool of
 * {@code aft.model.fine-tuning.concurrency} threads, jobs in the order they were queued. A job is scheduled at
 * most once at a time. At start, the jobs the database holds as {@code validating_files}, {@code queued} or
 * {@code running} are taken up again (running ones resume from their checkpoint). When the service stops,
 * running jobs checkpoint and stay {@code running}, to resume at the next start.
 */
@ApplicationScoped
public class JobQueue {

    private static final Logger LOG = Logger.getLogger(JobQueue.class);

    private final ModelServiceConfig config;
    private final JobStore store;
    private final JobRunner runner;
    private final ExecutorService validation = Executors.newSingleThreadExecutor(threads("fine-tuning-validation"));
    private final ExecutorService training;
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    public JobQueue(ModelServiceConfig config, JobStore store, JobRunner runner,
            io.micrometer.core.instrument.MeterRegistry meters) {
        this.config = config;
        this.store = store;
        this.runner = runner;
        io.micrometer.core.instrument.Gauge.builder("aft.model.fine_tuning.jobs.scheduled", scheduled, Set::size)
                .description("Fine-tuning jobs validating, queued or training in this process").register(meters);
        this.training = Executors.newFixedThreadPool(Math.max(1, config.fineTuning().concurrency()),
                threads("fine-tuning"));
    }

    void onStart(@Observes StartupEvent event) {
        validation.execute(this::recover);
    }

    /** Takes up the jobs a previous run of the service left unfinished, oldest first. */
    private void recover() {
        try {
            List<JobEntity> jobs = store.unfinishedJobs().await().atMost(Duration.ofSeconds(60));
            if (!jobs.isEmpty()) {
                LOG.infof("taking up %d unfinished fine-tuning job(s): %s", jobs.size(),
                        jobs.stream().map(j -> j.id + " (" + j.status + ")").toList());
            }
            jobs.stream().filter(j -> j.status() != JobStatus.VALIDATING_FILES).forEach(this::submit);
            jobs.stream().filter(j -> j.status() == JobStatus.VALIDATING_FILES).forEach(this::submit);
        } catch (RuntimeException e) {
            LOG.error("cannot take up unfinished fine-tuning jobs", e);
        }
    }

    /** Schedules a job by its status; a job already scheduled is left alone. */
    public void submit(JobEntity job) {
        if (stopping || !scheduled.add(job.id)) {
            return;
        }
        if (job.status() == JobStatus.VALIDATING_FILES) {
            validation.execute(() -> {
                boolean queued = false;
                try {
                    queued = runner.validate(job.id);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "validating job %s failed", job.id);
                }
                if (queued && !stopping) {
                    training.execute(() -> train(job.id));
                } else {
                    scheduled.remove(job.id);
                }
            });
        } else {
            training.execute(() -> train(job.id));
        }
    }

    private void train(String id) {
        try {
            if (!stopping) {
                runner.train(id, () -> stopping || cancelled.contains(id), () -> stopping);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "job %s ended unexpectedly", id);
        } finally {
            cancelled.remove(id);
            scheduled.remove(id);
        }
    }

    /** Asks a running job to stop at its next step (its status is already {@code cancelled}). */
    public void cancel(String id) {
        cancelled.add(id);
        if (!scheduled.contains(id)) {
            cancelled.remove(id);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        validation.shutdownNow();
        training.shutdown();
        try {
            if (!training.awaitTermination(config.fineTuning().shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("fine-tuning threads still busy at shutdown; their jobs resume from a checkpoint at the next"
                        + " start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
