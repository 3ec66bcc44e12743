package dev.aft.testing.probe;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.Topics;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Sends events to {@code aft.progress} keyed by experiment, and records what comes back from the broker. */
@ApplicationScoped
public class ProgressChannel {

    public record Received(String topic, String key, EventEnvelope<?> event) {
    }

    private final Map<UUID, Received> received = new ConcurrentHashMap<>();

    @Inject
    @Channel(Topics.PROGRESS)
    Emitter<EventEnvelope<?>> emitter;

    /** Completes when the broker has acknowledged the record. */
    public CompletionStage<Void> send(EventEnvelope<?> event) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        emitter.send(Message.<EventEnvelope<?>>of(event)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.experimentId()).build())
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return acked;
    }

    @Incoming("progress-in")
    public CompletionStage<Void> receive(KafkaRecord<String, EventEnvelope<?>> record) {
        received.put(record.getPayload().id(), new Received(record.getTopic(), record.getKey(), record.getPayload()));
        return record.ack();
    }

    public Optional<Received> received(UUID eventId) {
        return Optional.ofNullable(received.get(eventId));
    }
}
