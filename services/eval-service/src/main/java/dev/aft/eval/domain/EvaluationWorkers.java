package dev.aft.eval.domain;

import dev.aft.contracts.content.ContentFetcher;
import dev.aft.eval.config.EvalServiceConfig;
import dev.aft.outbox.OutboxRelay;
import dev.aft.outbox.Reactive;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
 * Runs pending evaluations on a bounded pool of worker threads (model calls block; never on the event loop).
 * A dispatcher thread claims pending evaluations whenever it is woken ({@link #wake()}: an evaluation was
 * created, a dataset arrived, a worker finished) and every poll interval. At start, evaluations a previous
 * process left running are made pending again and start over: one instance per database.
 */
@ApplicationScoped
public class EvaluationWorkers {

    private static final Logger LOG = Logger.getLogger(EvaluationWorkers.class);

    private final EvalServiceConfig config;
    private final Evaluations evaluations;
    private final Backends backends;
    private final OutboxRelay relay;
    private final EvaluationRun run;
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean stopping;
    private ExecutorService pool;
    private Thread dispatcher;

    public EvaluationWorkers(EvalServiceConfig config, Evaluations evaluations, Backends backends, OutboxRelay relay) {
        this.config = config;
        this.evaluations = evaluations;
        this.backends = backends;
        this.relay = relay;
        this.run = new EvaluationRun(new ContentFetcher(config.content().timeout(), config.content().attempts(),
                EvaluationFailure::new),
                new EvaluationRun.Settings(config.icl().instruction(), config.icl().reserveTokens(),
                        config.model().defaultContextLength()));
    }

    void start(@Observes StartupEvent event) {
        AtomicInteger number = new AtomicInteger();
        pool = Executors.newFixedThreadPool(config.workers().concurrency(), r -> {
            Thread thread = new Thread(r, "eval-worker-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        dispatcher = new Thread(this::dispatchLoop, "eval-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
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

    /** Asks the dispatcher to look for pending evaluations now. */
    public void wake() {
        wakeUps.release();
    }

    /** Evaluations running in this process now. */
    public int running() {
        return inFlight.size();
    }

    private void dispatchLoop() {
        long poll = Math.max(100, config.workers().pollInterval().toMillis());
        boolean reset = false;
        while (!stopping) {
            try {
                if (!reset) {
                    // once, before anything is claimed: what a previous process was running starts over
                    int count = Reactive.await(evaluations::resetRunning);
                    reset = true;
                    if (count > 0) {
                        LOG.infof("%d evaluation(s) left running by a previous process start over", count);
                    }
                }
                dispatch();
                wakeUps.tryAcquire(poll, TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!stopping) {
                    LOG.warnf("looking for pending evaluations failed: %s", e.toString());
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
        List<UUID> pending = Reactive.await(() -> evaluations.runnable(limit));
        for (UUID id : pending) {
            if (free > 0 && inFlight.add(id)) {
                free--;
                pool.submit(() -> runOne(id));
            }
        }
    }

    private void runOne(UUID id) {
        try {
            Evaluations.Claimed claimed = Reactive.await(() -> evaluations.claim(id));
            if (claimed == null) {
                return;
            }
            LOG.infof("evaluating %s: %s on %s (%s)", id, claimed.task().modelId(), claimed.task().condition().wireName(),
                    claimed.task().tests().url());
            long start = System.nanoTime();
            try {
                EvaluationRun.Outcome outcome = run.run(claimed.task(), backends.client(claimed.backend()),
                        progress(id));
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                Reactive.await(() -> evaluations.complete(id, outcome, millis));
                LOG.infof("evaluation %s completed in %d ms: %s", id, millis, outcome.metrics());
            } catch (EvaluationFailure e) {
                LOG.warnf("evaluation %s failed: %s", id, e.getMessage());
                Reactive.await(() -> evaluations.fail(id, e.getMessage()));
            } catch (CancellationException e) {
                LOG.infof("evaluation %s stopped (%s); it starts over on the next start", id, e.getMessage());
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                LOG.errorf(e, "evaluation %s failed unexpectedly", id);
                Reactive.await(() -> evaluations.fail(id, "unexpected error: " + e));
            }
            publish();
        } catch (RuntimeException e) {
            if (!stopping) {
                LOG.errorf(e, "could not record the outcome of evaluation %s; it stays to be retried", id);
            }
        } finally {
            inFlight.remove(id);
            wake();
        }
    }

    /** Progress events, at most one per progress interval (the first and, at completion, the last always). */
    private EvaluationRun.Progress progress(UUID id) {
        long interval = config.workers().progressInterval().toNanos();
        long[] last = {Long.MIN_VALUE};
        return (done, total) -> {
            long now = System.nanoTime();
            if (done == 0 || (done < total && now - last[0] >= interval)) {
                last[0] = now;
                try {
                    Reactive.await(() -> evaluations.progress(id, done, total));
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
