package dev.aft.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.SampleEvents;
import org.junit.jupiter.api.Test;

class ForwardCompatibilityTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void fieldsAddedByANewerProducerAreIgnoredAtEveryLevel() throws Exception {
        EventEnvelope<?> event = SampleEvents.all().get(0);
        ObjectNode json = (ObjectNode) mapper.readTree(EventCodec.encode(event));
        json.put("traceParent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        ObjectNode payload = (ObjectNode) json.get("payload");
        payload.putArray("languages").add("en");
        ((ObjectNode) payload.get("plan").get("finetune").get("hyperparameters")).put("warmupSteps", 20);
        ((ObjectNode) payload.get("documentsContent")).put("compression", "none");

        EventEnvelope<?> decoded = EventCodec.decode(mapper.writeValueAsBytes(json));

        assertThat(decoded).isEqualTo(event);
    }

    @Test
    void optionalFieldsMayBeAbsentOrNull() throws Exception {
        EventEnvelope<?> event = SampleEvents.all().get(5); // EvaluationCompleted without replayOf
        ObjectNode json = (ObjectNode) mapper.readTree(EventCodec.encode(event));
        ((ObjectNode) json.get("payload")).putNull("replayOf");
        ((ObjectNode) json.get("payload").get("metrics").get(0)).putNull("subType");

        assertThat(EventCodec.decode(mapper.writeValueAsBytes(json))).isEqualTo(event);
    }
}
