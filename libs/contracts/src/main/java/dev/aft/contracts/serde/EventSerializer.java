package dev.aft.contracts.serde;

import dev.aft.contracts.EventEnvelope;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for AFT events ({@code value.serializer} of outgoing channels). */
public class EventSerializer implements Serializer<EventEnvelope<?>> {

    @Override
    public byte[] serialize(String topic, EventEnvelope<?> event) {
        return event == null ? null : EventCodec.encode(event);
    }
}
