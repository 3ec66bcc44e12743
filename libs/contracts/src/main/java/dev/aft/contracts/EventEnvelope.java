package dev.aft.contracts;

import static dev.aft.contracts.Checks.check;
import static dev.aft.contracts.Checks.required;
import static dev.aft.contracts.Checks.requiredText;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The envelope every event travels in. {@code id} is the idempotency key consumers deduplicate on; the Kafka
 * key is {@code experimentId}, so one experiment's events stay in order; {@code causationId} is the id of the
 * event that caused this one (absent for events a user's request caused).
 */
public record EventEnvelope<P extends EventPayload>(
        UUID id,
        String type,
        int schemaVersion,
        String experimentId,
        @OptionalField UUID causationId,
        Instant occurredAt,
        String producer,
        P payload) {

    public EventEnvelope {
        required(id, "id");
        requiredText(type, "type");
        requiredText(experimentId, "experimentId");
        required(occurredAt, "occurredAt");
        requiredText(producer, "producer");
        required(payload, "payload");
        EventType expected = payload.eventType();
        check(expected.wireName().equals(type), "type",
                "'" + type + "' does not match a " + expected.wireName() + " payload");
        check(expected.schemaVersion() == schemaVersion, "schemaVersion",
                type + " version " + schemaVersion + " is not supported (this build reads version "
                        + expected.schemaVersion() + ")");
    }

    /** A new event with a fresh id, the current schema version and the time from {@code clock} (millisecond precision). */
    public static <P extends EventPayload> EventEnvelope<P> of(
            String experimentId, UUID causationId, String producer, P payload, Clock clock) {
        EventType type = payload.eventType();
        return new EventEnvelope<>(UUID.randomUUID(), type.wireName(), type.schemaVersion(), experimentId,
                causationId, clock.instant().truncatedTo(ChronoUnit.MILLIS), producer, payload);
    }

    public static <P extends EventPayload> EventEnvelope<P> of(
            String experimentId, UUID causationId, String producer, P payload) {
        return of(experimentId, causationId, producer, payload, Clock.systemUTC());
    }

    public EventType eventType() {
        return payload.eventType();
    }

    /** The topic this event belongs on. */
    public String topic() {
        return eventType().topic();
    }

    /** Narrows the payload to an expected type, failing with the actual type otherwise. */
    public <T extends EventPayload> T payloadAs(Class<T> expected) {
        if (!expected.isInstance(payload)) {
            throw new IllegalStateException("event " + id + " is a " + type + ", not a " + expected.getSimpleName());
        }
        return expected.cast(payload);
    }
}
