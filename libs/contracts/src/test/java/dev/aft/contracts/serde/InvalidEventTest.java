package dev.aft.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.InvalidEventException;
import dev.aft.contracts.SampleEvents;
import dev.aft.contracts.events.DatasetCreated;
import dev.aft.contracts.events.StageProgressed;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InvalidEventTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {
        "id", "type", "experimentId", "occurredAt", "producer", "payload",
        "payload.datasetId", "payload.documents", "payload.spec.seed", "payload.plan",
        "payload.plan.finetune.hyperparameters.steps", "payload.plan.finetune.dataMatched",
        "payload.plan.icl.context", "payload.documentsContent.sha256", "payload.testsContent.bytes"})
    void aMissingRequiredFieldIsRejectedByItsPath(String path) {
        assertRejected(datasetCreated(json -> remove(json, path)), path).hasMessageContaining("is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"payload.datasetId", "payload.plan.model.baseModel", "payload.plan.finetune.splitting"})
    void anExplicitNullIsTheSameAsMissing(String path) {
        assertRejected(datasetCreated(json -> {
            ObjectNode parent = parentOf(json, path);
            parent.putNull(last(path));
        }), path).hasMessageContaining("is required");
    }

    @Test
    void aNewerSchemaVersionIsRejectedNamingTheVersions() {
        assertRejected(datasetCreated(json -> json.put("schemaVersion", 2)), "schemaVersion")
                .hasMessageContaining("DatasetCreated version 2 is not supported (this build reads version 1)");
    }

    @Test
    void aMissingOrNonNumericSchemaVersionIsRejected() {
        assertRejected(datasetCreated(json -> json.remove("schemaVersion")), "schemaVersion").hasMessageContaining("is required");
        assertRejected(datasetCreated(json -> json.put("schemaVersion", "1")), "schemaVersion")
                .hasMessageContaining("must be an integer");
    }

    @Test
    void anUnknownEventTypeIsRejectedListingTheKnownOnes() {
        assertRejected(datasetCreated(json -> json.put("type", "DatasetDeleted")), "type")
                .hasMessageContaining("unknown event type 'DatasetDeleted'")
                .hasMessageContaining("DatasetCreated, AugmentationCompleted");
    }

    @Test
    void malformedJsonIsRejectedAsSuch() {
        assertThatThrownBy(() -> EventCodec.decode("{\"id\": \"1\", \"type\": "))
                .isInstanceOf(InvalidEventException.class).hasMessageStartingWith("malformed JSON");
        assertThatThrownBy(() -> EventCodec.decode("[1, 2]"))
                .isInstanceOf(InvalidEventException.class).hasMessage("an event must be a JSON object");
        assertThatThrownBy(() -> EventCodec.decode(new byte[0]))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("empty message");
    }

    @Test
    void aValueOfTheWrongKindNamesTheFieldAndTheKind() {
        assertRejected(datasetCreated(json -> payload(json).put("documents", "many")), "payload.documents")
                .hasMessageContaining("must be an integer, was a string");
        assertRejected(datasetCreated(json -> payload(json).put("testsPerSplit", 3)), "payload.testsPerSplit")
                .hasMessageContaining("must be a JSON object");
    }

    @Test
    void anUnknownConditionNamesTheListEntryAndTheKnownConditions() {
        byte[] bad = datasetCreated(json -> ((ArrayNode) json.at("/payload/plan/evaluation/conditions")).set(1, "ft+magic"));
        assertRejected(bad, "payload.plan.evaluation.conditions[1]")
                .hasMessageContaining("unknown Condition 'ft+magic'")
                .hasMessageContaining("pretrained, icl, ft, ft+local, ft+global, ft+local+global");
    }

    @Test
    void aMalformedIdOrTimestampIsRejectedByName() {
        assertRejected(datasetCreated(json -> json.put("id", "not-a-uuid")), "id");
        assertRejected(datasetCreated(json -> json.put("occurredAt", "yesterday")), "occurredAt");
    }

    @Test
    void recordInvariantsAreCheckedWithTheFullPath() {
        assertRejected(datasetCreated(json -> ((ObjectNode) json.at("/payload/documentsContent")).put("sha256", "abc")),
                "payload.documentsContent.sha256").hasMessageContaining("64 lower-case hex digits");
        assertRejected(datasetCreated(json -> ((ObjectNode) json.at("/payload/plan/finetune/hyperparameters")).put("steps", 0)),
                "payload.plan.finetune.hyperparameters.steps").hasMessageContaining("must be > 0");
        // ft+local planned without the local augmentation: the plan is inconsistent.
        assertRejected(datasetCreated(json -> ((ArrayNode) json.at("/payload/plan/augment/strategies")).remove(0)),
                "payload.plan.finetune.conditions[1]").hasMessageContaining("needs augmentation [LOCAL]");
    }

    @Test
    void progressCannotExceedItsTotal() {
        EventEnvelope<?> progress = SampleEvents.all().stream()
                .filter(e -> e.payload() instanceof StageProgressed).findFirst().orElseThrow();
        byte[] bad = mutate(progress, json -> payload(json).put("done", 301));
        assertRejected(bad, "payload.done").hasMessageContaining("must not exceed total");
    }

    @Test
    void decodingAsAnotherTypeNamesBothTypes() {
        byte[] progress = EventCodec.encode(SampleEvents.all().get(8));
        assertThatThrownBy(() -> EventCodec.decode(progress, DatasetCreated.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("type: expected DatasetCreated, got StageProgressed");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(byte[] json, String field) {
        var thrown = assertThatThrownBy(() -> EventCodec.decode(json)).isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith(field + ": ");
        try {
            EventCodec.decode(json);
        } catch (InvalidEventException e) {
            assertThat(e.field()).isEqualTo(field);
        }
        return thrown;
    }

    private byte[] datasetCreated(Consumer<ObjectNode> change) {
        return mutate(SampleEvents.all().get(0), change);
    }

    private byte[] mutate(EventEnvelope<?> event, Consumer<ObjectNode> change) {
        try {
            ObjectNode json = (ObjectNode) mapper.readTree(EventCodec.encode(event));
            change.accept(json);
            return mapper.writeValueAsBytes(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode payload(ObjectNode json) {
        return (ObjectNode) json.get("payload");
    }

    private static void remove(ObjectNode json, String path) {
        parentOf(json, path).remove(last(path));
    }

    private static ObjectNode parentOf(ObjectNode json, String path) {
        int dot = path.lastIndexOf('.');
        JsonNode parent = dot < 0 ? json : json.at("/" + path.substring(0, dot).replace('.', '/'));
        return (ObjectNode) parent;
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
