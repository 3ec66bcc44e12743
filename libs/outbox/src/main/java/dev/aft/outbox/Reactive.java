package dev.aft.outbox;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * Runs reactive (Hibernate Reactive) work from a blocking worker thread, on a Vert.x context, and waits for it:
 * how a service's workers (fine-tuning, scoring, report folding) run the transaction that stores a change and
 * its outbox event.
 */
public final class Reactive {

    private Reactive() {
    }

    public static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
