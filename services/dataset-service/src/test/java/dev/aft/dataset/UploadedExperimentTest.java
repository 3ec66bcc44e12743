package dev.aft.dataset;

import static dev.aft.dataset.DatasetServiceTestSupport.fetch;
import static dev.aft.dataset.DatasetServiceTestSupport.postExperiment;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.Topics;
import dev.aft.contracts.events.DatasetCreated;
import dev.aft.dataset.domain.DatasetMaterializer;
import dev.aft.knowledge.DatasetJsonl;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.TestItem;
import dev.aft.testing.KafkaTestResource;
import dev.aft.testing.PostgresTestResource;
import dev.aft.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class UploadedExperimentTest {

    private static final String UPLOAD = """
            {"name": "team docs",
             "upload": {
               "documents": [{"id": "d1", "text": "Zorbles are made of brass."},
                             {"id": "d2", "text": "Every quindle owns exactly one zorble. Quindles live underground."}],
               "tests": [{"id": "t1", "split": "reversal", "subType": "material", "prefix": "Brass is what",
                          "options": ["zorbles are made of", "quindles eat"], "correct": 0, "provenance": ["d1"]},
                         {"id": "t2", "split": "syllogism", "prefix": "Quindles own something made of",
                          "options": ["wood", "brass", "glass"], "correct": 1, "provenance": ["d1", "d2"]}]},
             "plan": null}
            """;

    @Test
    void anUploadIsStoredServedByteForByteAndAnnouncedOnce() throws Exception {
        JsonPath created = postExperiment(UPLOAD).then().statusCode(201).extract().jsonPath();
        String experimentId = created.getString("experimentId");
        String datasetId = created.getString("datasetId");
        assertThat(created.getString("family")).isEqualTo("upload");
        assertThat(created.getInt("documents")).isEqualTo(2);
        assertThat(created.getMap("testsPerSplit")).containsEntry("reversal", 1).containsEntry("syllogism", 1);

        byte[] documents = fetch(created.getString("documentsContent.url"));
        byte[] tests = fetch(created.getString("testsContent.url"));
        assertThat(DatasetMaterializer.sha256(documents)).isEqualTo(created.getString("documentsContent.sha256"));
        assertThat(DatasetMaterializer.sha256(tests)).isEqualTo(created.getString("testsContent.sha256"));
        List<Document> served = DatasetJsonl.readDocuments(new ByteArrayInputStream(documents));
        assertThat(served).extracting(Document::id, Document::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple("d1", "Zorbles are made of brass."),
                org.assertj.core.groups.Tuple.tuple("d2", "Every quindle owns exactly one zorble. Quindles live underground."));
        List<TestItem> servedTests = DatasetJsonl.readTests(new ByteArrayInputStream(tests));
        assertThat(servedTests.get(1).correctOption()).isEqualTo("brass");
        assertThat(servedTests.get(1).provenance()).containsExactly("d1", "d2");

        try (TopicReader reader = TopicReader.fromBeginning(Topics.DATASETS)) {
            List<EventEnvelope<?>> events = reader.awaitEvents(e -> e.experimentId().equals(experimentId), 1,
                    Duration.ofSeconds(30), Duration.ofSeconds(2));
            assertThat(events).hasSize(1);
            DatasetCreated event = events.get(0).payloadAs(DatasetCreated.class);
            assertThat(event.datasetId()).isEqualTo(datasetId);
            assertThat(event.documentsContent().sha256()).isEqualTo(DatasetMaterializer.sha256(documents));
            assertThat(event.documentsContent().bytes()).isEqualTo(documents.length);
            assertThat(event.plan()).isEqualTo(dev.aft.contracts.plan.Plan.standard());
            assertThat(reader.records()).filteredOn(r -> r.key().equals(experimentId)).hasSize(1);
        }

        given().when().get("/datasets/" + datasetId).then().statusCode(200)
                .body("experimentId", org.hamcrest.Matchers.equalTo(experimentId))
                .body("documents", org.hamcrest.Matchers.equalTo(2))
                .body("spec.generator", org.hamcrest.Matchers.equalTo("upload"));
        given().when().get("/experiments/" + experimentId).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("team docs"))
                .body("plan.evaluation.conditions.size()", org.hamcrest.Matchers.equalTo(6));
    }

    @Test
    void jsonLinesUploadsAreReadLikeArrays() {
        String body = """
                {"upload": {"documentsJsonl": "{\\"id\\":\\"a\\",\\"text\\":\\"Glon are heavier than femp.\\",\\"factIds\\":[]}\\n",
                            "testsJsonl": "{\\"id\\":\\"q\\",\\"split\\":\\"reversal\\",\\"subType\\":\\"\\",\\"prefix\\":\\"Femp are\\",\\"options\\":[\\"lighter than glon\\",\\"heavier than glon\\"],\\"correct\\":0,\\"provenance\\":[\\"a\\"]}\\n"}}
                """;
        JsonPath created = postExperiment(body).then().statusCode(201).extract().jsonPath();
        assertThat(created.getInt("documents")).isEqualTo(1);
        assertThat(created.getMap("testsPerSplit")).containsEntry("reversal", 1);
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItems(
                        org.hamcrest.Matchers.containsString("Kafka"),
                        org.hamcrest.Matchers.containsString("PostgreSQL"),
                        org.hamcrest.Matchers.containsString("Reactive Messaging")));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("http_server_requests"));
        given().when().get("/q/openapi").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("/experiments"))
                .body(org.hamcrest.Matchers.containsString("/datasets/{id}/documents.jsonl"));
    }

    @Test
    void unknownIdsAreNotFound() {
        given().when().get("/datasets/ds-missing").then().statusCode(404)
                .body("message", org.hamcrest.Matchers.containsString("ds-missing"));
        given().when().get("/datasets/ds-missing/documents.jsonl").then().statusCode(404);
        given().when().get("/experiments/exp-missing").then().statusCode(404);
    }
}
