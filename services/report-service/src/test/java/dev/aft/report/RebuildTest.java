package dev.aft.report;

import static dev.aft.report.ReportTestSupport.json;
import static dev.aft.report.ReportTestSupport.publish;
import static dev.aft.report.ReportTestSupport.reported;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.events.Stage;
import dev.aft.contracts.plan.AugmentStrategy;
import dev.aft.contracts.plan.Condition;
import dev.aft.testing.KafkaTestResource;
import dev.aft.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The read model is a projection of the log: rebuilt from the earliest offsets it gives the same reports. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = IsolationResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class RebuildTest {

    @Test
    void aRebuildFromTheEarliestOffsetsGivesTheLiveReportsAndReportsNothingTwice() {
        Scenario complete = new Scenario(31);
        List<EventEnvelope<?>> events = new ArrayList<>(complete.complete());
        events.add(complete.progress(Stage.EVALUATION, "eval-icl-" + complete.experimentId, 48, 48));
        Scenario failing = new Scenario(32);
        events.add(failing.datasetCreated());
        events.add(failing.augmented(AugmentStrategy.LOCAL));
        events.add(failing.augmentationFailed(AugmentStrategy.GLOBAL));
        events.add(failing.trained(Condition.FT));
        events.add(failing.progress(Stage.TRAINING, "run-ft+local-" + failing.experimentId, 3, 10));
        events.add(failing.evaluated(Condition.ICL));
        publish(events);
        // Each topic has its own consumer: wait for the progress event as well as for the results.
        String liveComplete = ReportTestSupport.awaitReport(complete.experimentId,
                r -> "completed".equals(r.getString("status")) && r.<String>getList("progress.subjectId")
                        .contains("eval-icl-" + complete.experimentId)).prettify();
        String liveRunning = ReportTestSupport.awaitReport(failing.experimentId,
                r -> r.getList("progress").size() == 1 && r.getList("table").size() == 2).prettify();
        assertThat(reported(complete.experimentId, 1, Duration.ZERO)).hasSize(1);

        JsonPath result = json(given().post("/admin/rebuild").then().statusCode(200).extract().asString());
        assertThat(result.getLong("applied")).isGreaterThanOrEqualTo(events.size());
        assertThat(result.getLong("records")).isGreaterThanOrEqualTo(result.getLong("applied"));

        assertThat(report(complete.experimentId)).isEqualTo(liveComplete);
        assertThat(report(failing.experimentId)).isEqualTo(liveRunning);
        assertThat(json(given().get("/experiments").asString()).getList("experimentId"))
                .contains(complete.experimentId, failing.experimentId);
        assertThat(reported(complete.experimentId, 2, Duration.ofSeconds(3))).as("no second report after the rebuild")
                .hasSize(1);
    }

    private static String report(String experimentId) {
        return json(given().get("/experiments/" + experimentId + "/report").then().statusCode(200).extract().asString())
                .prettify();
    }
}
