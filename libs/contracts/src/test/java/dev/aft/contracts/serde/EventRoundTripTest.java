package dev.aft.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.EventType;
import dev.aft.contracts.SampleEvents;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventRoundTripTest {

    static Stream<EventEnvelope<?>> events() {
        return SampleEvents.all().stream();
    }

    @Test
    void samplesCoverEveryEventType() {
        assertThat(SampleEvents.all()).extracting(EventEnvelope::eventType).containsExactlyInAnyOrder(EventType.values());
    }

    @ParameterizedTest
    @MethodSource("events")
    void decodingWhatWasEncodedGivesTheSameEvent(EventEnvelope<?> event) {
        assertThat(EventCodec.decode(EventCodec.encode(event))).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("events")
    void reEncodingIsByteStable(EventEnvelope<?> event) {
        byte[] first = EventCodec.encode(event);
        byte[] second = EventCodec.encode(EventCodec.decode(first));
        assertThat(new String(second, StandardCharsets.UTF_8)).isEqualTo(new String(first, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("events")
    void encodingDoesNotDependOnTheInputsLayout(EventEnvelope<?> event) throws Exception {
        // The same event pretty-printed (whitespace, indentation) re-encodes to the canonical bytes.
        ObjectMapper mapper = new ObjectMapper();
        String pretty = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(mapper.readTree(EventCodec.encode(event)));
        assertThat(EventCodec.encode(EventCodec.decode(pretty))).isEqualTo(EventCodec.encode(event));
    }

    @Test
    void absentOptionalFieldsAreLeftOutAndInstantsAreIso8601() {
        String json = EventCodec.encodeToString(SampleEvents.all().get(0));
        assertThat(json).doesNotContain("causationId").contains("\"occurredAt\":\"2026-11-23T09:15:00.123Z\"");
    }

    @Test
    void mapKeysAreWrittenInSortedOrder() {
        String json = EventCodec.encodeToString(SampleEvents.all().get(0));
        assertThat(json).contains("\"testsPerSplit\":{\"forward\":100,\"reversal\":100}");
    }

    @Test
    void conditionsTravelByTheirStudyNames() {
        String json = EventCodec.encodeToString(SampleEvents.all().get(0));
        assertThat(json).contains("\"conditions\":[\"ft\",\"ft+local\",\"ft+global\",\"ft+local+global\"]");
    }
}
