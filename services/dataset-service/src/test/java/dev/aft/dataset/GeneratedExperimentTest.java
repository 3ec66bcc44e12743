package dev.aft.dataset;

import static dev.aft.dataset.DatasetServiceTestSupport.fetch;
import static dev.aft.dataset.DatasetServiceTestSupport.postExperiment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.Topics;
import dev.aft.contracts.events.DatasetCreated;
import dev.aft.dataset.domain.DatasetMaterializer;
import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.DatasetJsonl;
import dev.aft.knowledge.Families;
import dev.aft.testing.KafkaTestResource;
import dev.aft.testing.PostgresTestResource;
import dev.aft.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class GeneratedExperimentTest {

    @Test
    void aPostLeadsToOneDatasetCreatedWhoseLinksServeExactlyTheGeneratedData() {
        JsonPath created = postExperiment("""
                {"name": "reversals, small",
                 "dataset": {"family": "simple-reversals", "parameters": {"facts": 12, "articlesPerFact": 3}, "seed": 7}}
                """).then().statusCode(201).extract().jsonPath();
        String experimentId = created.getString("experimentId");

        EventEnvelope<?> envelope;
        try (TopicReader reader = TopicReader.fromBeginning(Topics.DATASETS)) {
            List<EventEnvelope<?>> events = reader.awaitEvents(e -> e.experimentId().equals(experimentId), 1,
                    Duration.ofSeconds(30), Duration.ofSeconds(2));
            assertThat(events).as("DatasetCreated events of %s", experimentId).hasSize(1);
            envelope = events.get(0);
        }
        DatasetCreated event = envelope.payloadAs(DatasetCreated.class);
        assertThat(envelope.producer()).isEqualTo("dataset-service");
        assertThat(event.datasetId()).isEqualTo(created.getString("datasetId"));
        assertThat(event.family()).isEqualTo("simple-reversals");
        assertThat(event.spec().seed()).isEqualTo(7);
        assertThat(event.spec().parameters()).containsEntry("facts", 12).containsEntry("articlesPerFact", 3);

        Dataset expected = Families.generator("simple-reversals").generate(Map.of("facts", 12, "articlesPerFact", 3), 7);
        byte[] documents = fetch(event.documentsContent().url());
        byte[] tests = fetch(event.testsContent().url());
        assertThat(documents).isEqualTo(DatasetJsonl.documents(expected));
        assertThat(tests).isEqualTo(DatasetJsonl.tests(expected));
        assertThat(DatasetMaterializer.sha256(documents)).isEqualTo(event.documentsContent().sha256());
        assertThat(DatasetMaterializer.sha256(tests)).isEqualTo(event.testsContent().sha256());
        assertThat(event.documentsContent().bytes()).isEqualTo(documents.length);
        assertThat(event.documents()).isEqualTo(expected.documents().size());
        assertThat(event.testsPerSplit()).isEqualTo(expected.testsPerSplit());
    }

    @Test
    void theSameSpecTwiceGivesTheSameContentUnderDifferentIds() {
        String body = "{\"dataset\": {\"family\": \"simple-syllogisms\", \"parameters\": {\"examples\": 10}, \"seed\": 3}}";
        JsonPath first = postExperiment(body).then().statusCode(201).extract().jsonPath();
        JsonPath second = postExperiment(body).then().statusCode(201).extract().jsonPath();
        assertThat(second.getString("experimentId")).isNotEqualTo(first.getString("experimentId"));
        assertThat(second.getString("testsContent.sha256")).isEqualTo(first.getString("testsContent.sha256"));
        assertThat(second.getString("documentsContent.sha256")).isEqualTo(first.getString("documentsContent.sha256"));
    }
}
