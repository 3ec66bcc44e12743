package dev.aft.contracts.serde;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.InvalidEventException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer for AFT events ({@code value.deserializer} of incoming channels). An invalid
 * record throws {@link InvalidEventException} naming the field, which SmallRye's failure handling routes to
 * the dead-letter topic.
 */
public class EventDeserializer implements Deserializer<EventEnvelope<?>> {

    @Override
    public EventEnvelope<?> deserialize(String topic, byte[] data) {
        if (data == null) {
            return null; // a tombstone, not an event
        }
        return EventCodec.decode(data);
    }
}
