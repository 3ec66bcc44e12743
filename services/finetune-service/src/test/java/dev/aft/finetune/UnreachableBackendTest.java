package dev.aft.finetune;

import static dev.aft.finetune.FinetuneTestSupport.awaitOutcomes;
import static dev.aft.finetune.FinetuneTestSupport.createExperiment;
import static dev.aft.finetune.FinetuneTestSupport.plan;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.events.TrainingFailed;
import dev.aft.contracts.plan.Condition;
import dev.aft.contracts.plan.SentenceSplitting;
import dev.aft.testing.KafkaTestResource;
import dev.aft.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the fine-tuning API unreachable, a run fails after the client's retries with a reason that says so. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = UnreachableBackendTest.NoModelService.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class UnreachableBackendTest {

    /** Points the backend at a port where nothing listens. */
    public static class NoModelService implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of("aft.finetune.model.base-url", "http://127.0.0.1:9/v1");
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void aRunWhoseBackendDoesNotAnswerFailsWithTheReason() {
        String experimentId = createExperiment(plan(3, SentenceSplitting.NONE, Condition.FT)).getString("experimentId");
        List<EventEnvelope<?>> outcomes = awaitOutcomes(experimentId, 1, Duration.ofSeconds(2));
        assertThat(outcomes).hasSize(1);
        TrainingFailed failed = outcomes.get(0).payloadAs(TrainingFailed.class);
        assertThat(failed.condition()).isEqualTo(Condition.FT);
        assertThat(failed.reason()).contains("127.0.0.1:9").contains("gave up after 2 attempts");
        assertThat(given().get("/runs/" + failed.runId()).then().statusCode(200).extract().jsonPath()
                .getString("state")).isEqualTo("failed");
    }
}
