package dev.aft.dataset;

import static dev.aft.dataset.DatasetServiceTestSupport.postExperiment;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.aft.testing.KafkaTestResource;
import dev.aft.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class InvalidExperimentRequestTest {

    private static final String DOCS = "[{\"id\": \"d1\", \"text\": \"Glon are heavier than femp.\"}]";

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("{\"dataset\": ", "", "malformed JSON"),
                Arguments.of("[]", "", "must be a JSON object"),
                Arguments.of("{}", "dataset", "give exactly one of"),
                Arguments.of("{\"datset\": {}}", "datset", "unknown field"),
                Arguments.of("{\"dataset\": {\"family\": \"tarot\"}}", "dataset.family", "tarot"),
                Arguments.of("{\"dataset\": {\"family\": \"simple-reversals\", \"parameters\": {\"facts\": 0}}}",
                        "dataset.parameters", "facts"),
                Arguments.of("{\"dataset\": {\"family\": \"simple-reversals\", \"parameters\": {\"colour\": 3}}}",
                        "dataset.parameters", "colour"),
                Arguments.of("{\"dataset\": {\"family\": \"simple-reversals\", \"seed\": \"x\"}}", "dataset.seed", "integer"),
                Arguments.of("{\"upload\": {\"documents\": []}}", "upload.documents", "at least one document"),
                Arguments.of("{\"upload\": {\"documents\": [{\"id\": \"d1\", \"text\": \"a\"}, {\"id\": \"d1\", \"text\": \"b\"}]}}",
                        "upload.documents[1].id", "duplicate id 'd1'"),
                Arguments.of("{\"upload\": {\"documents\": [{\"id\": \"d1\", \"text\": \"  \"}]}}",
                        "upload.documents[0].text", "non-empty"),
                Arguments.of("{\"upload\": {\"documents\": " + DOCS + ", \"tests\": [{\"id\": \"t\", \"split\": \"s\","
                        + " \"prefix\": \"p\", \"options\": [\"a\", \"b\"], \"correct\": 2}]}}",
                        "upload.tests[0].correct", "is 2 but the item has 2 options"),
                Arguments.of("{\"upload\": {\"documents\": " + DOCS + ", \"tests\": [{\"id\": \"t\", \"split\": \"s\","
                        + " \"prefix\": \"p\", \"options\": [\"a\"], \"correct\": 0}]}}",
                        "upload.tests[0].options", "at least two"),
                Arguments.of("{\"upload\": {\"documents\": " + DOCS + ", \"tests\": [{\"id\": \"t\", \"split\": \"s\","
                        + " \"prefix\": \"p\", \"options\": [\"a\", \"b\"], \"correct\": 0, \"provenance\": [\"d9\"]}]}}",
                        "upload.tests[0].provenance", "'d9'"),
                Arguments.of("{\"upload\": {\"documentsJsonl\": \"{\\\"id\\\": \\\"d1\\\"}\\n\"}}",
                        "upload.documentsJsonl", "line 1"),
                Arguments.of("{\"upload\": {\"documents\": " + DOCS + "}, \"plan\": {\"model\": {\"baseModel\": \"m\"}}}",
                        "plan.model.backend", "is required"),
                Arguments.of("{\"upload\": {\"documents\": " + DOCS + "}, \"plan\": " + inconsistentPlan() + "}",
                        "plan.finetune.conditions[0]", "needs augmentation"));
    }

    @ParameterizedTest
    @MethodSource("badRequests")
    void aBadRequestIsA400NamingTheFieldAndNothingIsStored(String body, String field, String message) {
        int before = experimentCount();
        var response = postExperiment(body).then().statusCode(400)
                .body("error", equalTo("invalid_request"))
                .body("message", containsString(message));
        if (!field.isEmpty()) {
            response.body("field", equalTo(field));
        }
        assertThat(experimentCount()).isEqualTo(before);
    }

    @Test
    void tooManyDocumentsIsRefusedWithTheLimit() {
        StringBuilder docs = new StringBuilder("[");
        for (int i = 0; i < 21; i++) {
            docs.append(i == 0 ? "" : ",").append("{\"id\": \"d").append(i).append("\", \"text\": \"t\"}");
        }
        postExperiment("{\"upload\": {\"documents\": " + docs + "]}}").then().statusCode(400)
                .body("field", equalTo("upload.documents"))
                .body("message", containsString("the limit is 20"));
    }

    @Test
    void aBodyOverTheSizeLimitIsRefusedWith413() {
        String big = "x".repeat(1_100_000);
        postExperiment("{\"upload\": {\"documents\": [{\"id\": \"d1\", \"text\": \"" + big + "\"}]}}")
                .then().statusCode(413);
    }

    @AfterEach
    void nothingWasAnnouncedOrStored() {
        given().when().get("/experiments").then().statusCode(200).body("size()", equalTo(0));
    }

    private static int experimentCount() {
        return given().when().get("/experiments").then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    private static String inconsistentPlan() {
        return """
                {"model": {"baseModel": "aft-reference", "backend": "model-service"},
                 "augment": {"strategies": ["global"], "samplesPerPrompt": 1, "temperature": 0.0, "seed": 1},
                 "finetune": {"conditions": ["ft+local"], "splitting": "none",
                              "hyperparameters": {"steps": 10, "batchSize": 4, "learningRate": 0.001, "method": "full", "seed": 1},
                              "dataMatched": true},
                 "evaluation": {"conditions": ["icl"]},
                 "icl": {"context": "all", "subsampleFactor": 1, "seed": 1}}
                """;
    }
}
