package dev.aft.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka in order, waiting for the broker's acknowledgement before marking
 * a row published. A crash between send and mark re-sends the row on the next pass: delivery is at least
 * once, and consumers deduplicate on the event id.
 *
 * <p>Every row names its topic, so one channel, {@value #CHANNEL}, serves all of a service's topics; a service
 * configures it as {@code mp.messaging.outgoing.aft-outbox.*} (connector, serializers, {@code acks=all},
 * idempotence).
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = "aft-outbox";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxConfig config;
    private final MutinyEmitter<byte[]> emitter;
    private final AtomicBoolean running = new AtomicBoolean();

    public OutboxRelay(OutboxConfig config, @Channel(CHANNEL) MutinyEmitter<byte[]> emitter) {
        this.config = config;
        this.emitter = emitter;
    }

    // The first pass waits a little: the scheduler may start before the Kafka channel is wired when a service's
    // start-up observers are slow, and a pass then fails with "Unable to connect an emitter".
    @Scheduled(every = "${aft.outbox.relay-interval:1s}", delayed = "${aft.outbox.first-pass-delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledPass() {
        return relay().replaceWithVoid();
    }

    /**
     * Wakes the relay right after a commit, from any thread: the pass runs on a Vert.x context (the reactive
     * session needs one), and a pass already running will be followed by the next scheduled one.
     */
    public void kick() {
        if (Vertx.currentContext() != null) {
            relay().subscribe().with(sent -> { }, OutboxRelay::passFailed);
        } else {
            VertxContextSupport.subscribe(() -> relay().toMulti(),
                    subscription -> subscription.with(sent -> { }, OutboxRelay::passFailed));
        }
    }

    private static void passFailed(Throwable failure) {
        LOG.warnf("outbox relay pass failed: %s", failure.toString());
    }

    /** One pass: sends up to a batch of unpublished rows; yields how many were published. */
    public Uni<Integer> relay() {
        if (!config.relayEnabled() || !running.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        // Deferred, so that even a failure thrown while the pass is being set up releases the running flag.
        return Uni.createFrom().deferred(() -> Panache.withSession(() -> OutboxEntry.<OutboxEntry>find("publishedAt is null order by position")
                        .page(0, config.batchSize()).list()))
                .chain(this::publishInOrder)
                .eventually(() -> running.set(false));
    }

    private Uni<Integer> publishInOrder(List<OutboxEntry> entries) {
        return Multi.createFrom().iterable(entries)
                .onItem().transformToUniAndConcatenate(entry -> emitter.sendMessage(message(entry))
                        .chain(() -> Panache.withTransaction(() -> OutboxEntry.update(
                                "publishedAt = ?1 where position = ?2", Instant.now(), entry.position))))
                .collect().asList()
                .map(List::size)
                .invoke(sent -> {
                    if (sent > 0) {
                        LOG.debugf("published %d outbox event(s)", sent);
                    }
                });
    }

    private static Message<byte[]> message(OutboxEntry entry) {
        return Message.of(entry.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(entry.topic)
                .withKey(entry.messageKey)
                .build());
    }
}
