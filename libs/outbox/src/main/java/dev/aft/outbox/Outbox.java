package dev.aft.outbox;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.Topics;
import dev.aft.contracts.serde.EventCodec;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Writes events into the outbox inside the caller's transaction, so an event is published if and only if the
 * change it announces was committed. After the commit, {@link OutboxRelay#kick()} publishes it at once
 * (otherwise the next scheduled pass does).
 */
@ApplicationScoped
public class Outbox {

    /**
     * Adds {@code event} for its contract topic (with {@code topicPrefix}, e.g. {@code aft.}), keyed by its
     * experiment id. Must run inside a reactive Hibernate transaction.
     */
    public Uni<Void> add(EventEnvelope<?> event, String topicPrefix) {
        OutboxEntry entry = new OutboxEntry();
        entry.eventId = event.id();
        entry.topic = Topics.withPrefix(topicPrefix, event.topic());
        entry.messageKey = event.experimentId();
        entry.payload = EventCodec.encode(event);
        entry.createdAt = Instant.now();
        return entry.persist().replaceWithVoid();
    }
}
