package dev.aft.report;

import static dev.aft.report.ReportTestSupport.awaitReport;
import static dev.aft.report.ReportTestSupport.awaitStatus;
import static dev.aft.report.ReportTestSupport.publish;
import static dev.aft.report.ReportTestSupport.publishRaw;
import static dev.aft.report.ReportTestSupport.reported;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.Topics;
import dev.aft.contracts.events.ExperimentReported;
import dev.aft.contracts.plan.AugmentStrategy;
import dev.aft.contracts.plan.Condition;
import dev.aft.testing.KafkaTestResource;
import dev.aft.testing.PostgresTestResource;
import dev.aft.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * An experiment never waits forever: failed stages (and the stages that needed them) count as failed, stages
 * still missing at the deadline are reported as missing, and a record that is not an event goes to the
 * dead-letter topic while the consumer carries on.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = IsolationResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class FailedAndMissingStagesTest {

    @Test
    void failedStagesAndTheStagesThatNeededThemCountAsFailedAndTheExperimentIsReportedOnce() {
        Scenario scenario = new Scenario(21);
        List<EventEnvelope<?>> events = new ArrayList<>();
        events.add(scenario.datasetCreated());
        events.add(scenario.augmented(AugmentStrategy.LOCAL));
        events.add(scenario.augmentationFailed(AugmentStrategy.GLOBAL));
        events.add(scenario.trained(Condition.FT));
        events.add(scenario.trained(Condition.FT_LOCAL));
        events.add(scenario.evaluationFailed(Condition.PRETRAINED));
        events.add(scenario.evaluated(Condition.ICL));
        events.add(scenario.evaluated(Condition.FT));
        events.add(scenario.evaluated(Condition.FT_LOCAL));
        publish(events);

        JsonPath report = awaitStatus(scenario.experimentId, "completed-with-failures");
        assertThat(report.getString("stages.find { it.key == 'augmentation:global' }.state")).isEqualTo("failed");
        assertThat(report.getString("stages.find { it.key == 'augmentation:global' }.reason"))
                .isEqualTo("the backend answered 503 five times");
        assertThat(report.getString("stages.find { it.key == 'training:ft+global' }.reason"))
                .isEqualTo("not trained: augmentation global failed");
        assertThat(report.getString("stages.find { it.key == 'evaluation:ft+global' }.reason"))
                .isEqualTo("not evaluated: training ft+global failed");
        assertThat(report.getString("stages.find { it.key == 'evaluation:pretrained' }.reason"))
                .isEqualTo("no prompt log-probabilities");
        assertThat(report.getList("table.condition")).doesNotContain("pretrained", "ft+global");
        ReportTestSupport.assertTableFollowsFromItems(report, scenario);

        List<ExperimentReported> published = reported(scenario.experimentId, 1, Duration.ofSeconds(3));
        assertThat(published).hasSize(1);
        assertThat(published.get(0).completeness().expected()).isEqualTo(10);
        assertThat(published.get(0).completeness().completed()).isEqualTo(6);
        assertThat(published.get(0).completeness().failed()).isEqualTo(4);
        assertThat(published.get(0).completeness().missing()).isEmpty();
        assertThat(published.get(0).table()).hasSize(6);

        publish(scenario.evaluationFailed(Condition.ICL));   // a later failure does not undo a completed stage
        assertThat(reported(scenario.experimentId, 2, Duration.ofSeconds(3))).hasSize(1);
        assertThat(awaitStatus(scenario.experimentId, "completed-with-failures")
                .getString("stages.find { it.key == 'evaluation:icl' }.state")).isEqualTo("completed");
    }

    @Test
    void stagesStillMissingAtTheDeadlineAreReportedAsMissingAndTheLateCompletionOnceMore() {
        Scenario scenario = new Scenario(22, Instant.now().minus(Duration.ofHours(2)));
        List<EventEnvelope<?>> all = scenario.complete();
        List<EventEnvelope<?>> early = all.stream().filter(e -> e.topic().equals(Topics.DATASETS)
                || e.topic().equals(Topics.AUGMENTATIONS)).toList();
        publish(early.stream().filter(e -> e.topic().equals(Topics.AUGMENTATIONS)).toList());
        assertThat(awaitReport(scenario.experimentId, r -> r.getList("stages").size() == 2).getString("status"))
                .isEqualTo("waiting-for-dataset");
        publish(early.stream().filter(e -> e.topic().equals(Topics.DATASETS)).toList());

        List<ExperimentReported> first = reported(scenario.experimentId, 1, Duration.ofSeconds(3));
        assertThat(first).hasSize(1);
        assertThat(first.get(0).completeness().completed()).isEqualTo(2);
        assertThat(first.get(0).completeness().failed()).isZero();
        assertThat(first.get(0).completeness().missing()).containsExactly("training:ft", "training:ft+local",
                "training:ft+global", "evaluation:pretrained", "evaluation:icl", "evaluation:ft",
                "evaluation:ft+local", "evaluation:ft+global");
        JsonPath report = awaitStatus(scenario.experimentId, "incomplete");
        assertThat(report.getString("stages.find { it.key == 'evaluation:icl' }.state")).isEqualTo("missing");

        publish(all.stream().filter(e -> !early.contains(e)).toList());
        awaitStatus(scenario.experimentId, "completed");
        List<ExperimentReported> both = reported(scenario.experimentId, 2, Duration.ofSeconds(3));
        assertThat(both).hasSize(2);
        assertThat(both.get(1).completeness().complete()).isTrue();
        assertThat(both.get(1).completeness().completed()).isEqualTo(10);
    }

    @Test
    void aRecordThatIsNotAnEventGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String key = "poison-" + UUID.randomUUID();
        byte[] poison = "{\"type\": \"EvaluationCompleted\", \"but\": \"nothing else\"}".getBytes(StandardCharsets.UTF_8);
        publishRaw(Topics.EVALUATIONS, key, poison);
        ConsumerRecord<String, byte[]> dead = null;
        try (TopicReader dlq = TopicReader.fromBeginning(IsolationResource.topic(Topics.deadLetter(Topics.EVALUATIONS)))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (dead == null && System.nanoTime() < deadline) {
                dlq.awaitEvents(e -> false, 1, Duration.ofMillis(500), Duration.ZERO);
                dead = dlq.records().stream().filter(r -> key.equals(r.key())).findFirst().orElse(null);
            }
        }
        assertThat(dead).as("the poison record on %s", IsolationResource.topic(Topics.deadLetter(Topics.EVALUATIONS))).isNotNull();
        assertThat(dead.value()).isEqualTo(poison);
        Header reason = dead.headers().lastHeader("dead-letter-reason");
        assertThat(reason).isNotNull();
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("is required");

        Scenario scenario = new Scenario(23);
        publish(scenario.complete());
        JsonPath report = awaitReport(scenario.experimentId, r -> "completed".equals(r.getString("status")));
        assertThat(report.getList("table")).hasSize(10);
    }
}
