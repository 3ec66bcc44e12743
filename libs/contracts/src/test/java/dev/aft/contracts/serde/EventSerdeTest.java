package dev.aft.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.InvalidEventException;
import dev.aft.contracts.SampleEvents;
import dev.aft.contracts.Topics;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventSerdeTest {

    private final EventSerializer serializer = new EventSerializer();
    private final EventDeserializer deserializer = new EventDeserializer();

    @Test
    void theKafkaSerdePairRoundTripsEveryEvent() {
        for (EventEnvelope<?> event : SampleEvents.all()) {
            byte[] bytes = serializer.serialize(event.topic(), event);
            assertThat(bytes).isEqualTo(EventCodec.encode(event));
            assertThat(deserializer.deserialize(event.topic(), bytes)).isEqualTo(event);
        }
    }

    @Test
    void tombstonesStayNull() {
        assertThat(serializer.serialize(Topics.DATASETS, null)).isNull();
        assertThat(deserializer.deserialize(Topics.DATASETS, null)).isNull();
    }

    @Test
    void aPoisonRecordFailsWithTheReason() {
        assertThatThrownBy(() -> deserializer.deserialize(Topics.DATASETS, "hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class).hasMessageStartingWith("malformed JSON");
    }
}
