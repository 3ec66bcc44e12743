package dev.aft.augment.run;

import dev.aft.outbox.OutboxRelay;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Wakes the outbox relay from a worker thread: the relay's pass must run on a Vert.x context, so it is started on
 * one instead of on the caller's thread (the scheduled pass would otherwise publish within a second anyway).
 */
@ApplicationScoped
public class OutboxKick {

    private static final Logger LOG = Logger.getLogger(OutboxKick.class);

    private final OutboxRelay relay;

    public OutboxKick(OutboxRelay relay) {
        this.relay = relay;
    }

    public void kick() {
        VertxContextSupport.subscribe(() -> relay.relay().toMulti(), subscribe -> subscribe.with(sent -> { },
                failure -> LOG.debugf("outbox relay pass after a commit failed: %s", failure)));
    }
}
