package dev.aft.contracts;

/** The body of an event; {@link EventType} lists every kind and the topic it travels on. */
public interface EventPayload {

    default EventType eventType() {
        return EventType.of(getClass());
    }
}
