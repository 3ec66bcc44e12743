package dev.aft.finetune;

import static dev.aft.finetune.FinetuneTestSupport.plan;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.events.AugmentationCompleted;
import dev.aft.contracts.events.ContentLink;
import dev.aft.contracts.events.DatasetCreated;
import dev.aft.contracts.events.GeneratorSpec;
import dev.aft.contracts.events.TokenUsage;
import dev.aft.contracts.plan.AugmentStrategy;
import dev.aft.contracts.plan.Condition;
import dev.aft.contracts.plan.SentenceSplitting;
import dev.aft.finetune.domain.EventIntake;
import dev.aft.finetune.domain.RunIds;
import dev.aft.outbox.Reactive;
import dev.aft.testing.KafkaTestResource;
import dev.aft.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The two topics are consumed concurrently: a dataset's {@code DatasetCreated} and its {@code AugmentationCompleted}
 * taken in at the same instant still create both the baseline and the augmented run, every time.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = UnreachableBackendTest.NoModelService.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class IntakeRaceTest {

    private static final int DATASETS = 40;
    private static final ContentLink LINK = new ContentLink("http://127.0.0.1:9/none.jsonl",
            "0".repeat(64), 1, ContentLink.JSONL);

    @Inject
    EventIntake intake;

    @Test
    void aDatasetAndItsAugmentationArrivingTogetherCreateEveryPlannedRun() throws Exception {
        String experimentId = "exp-race-" + UUID.randomUUID();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<String> datasetIds = new ArrayList<>();
        try {
            for (int i = 0; i < DATASETS; i++) {
                String datasetId = "ds-race-" + UUID.randomUUID();
                datasetIds.add(datasetId);
                EventEnvelope<DatasetCreated> dataset = EventEnvelope.of(experimentId, null, "dataset-service",
                        new DatasetCreated(datasetId, TestData.FAMILY, new GeneratorSpec(TestData.FAMILY, Map.of(), 1),
                                1, Map.of(), plan(3, SentenceSplitting.NONE, Condition.FT, Condition.FT_LOCAL), LINK,
                                LINK));
                EventEnvelope<AugmentationCompleted> augmentation = EventEnvelope.of(experimentId, null,
                        "augment-service", new AugmentationCompleted(UUID.randomUUID().toString(), datasetId,
                                AugmentStrategy.LOCAL, ServicesResource.TINY, Map.of("kept", 1), new TokenUsage(1, 1),
                                1, LINK));
                CyclicBarrier together = new CyclicBarrier(2);
                CompletableFuture<?> first = CompletableFuture.runAsync(() -> accept(together, dataset), threads);
                CompletableFuture<?> second = CompletableFuture.runAsync(() -> accept(together, augmentation), threads);
                CompletableFuture.allOf(first, second).get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        List<String> runs = given().queryParam("experimentId", experimentId).get("/runs")
                .then().statusCode(200).extract().jsonPath().getList("id", String.class);
        List<String> expected = new ArrayList<>();
        for (String datasetId : datasetIds) {
            expected.add(RunIds.run(datasetId, Condition.FT).toString());
            expected.add(RunIds.run(datasetId, Condition.FT_LOCAL).toString());
        }
        assertThat(runs).as("runs of %d datasets, each taken in together with its augmentation", DATASETS)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    private void accept(CyclicBarrier together, EventEnvelope<?> event) {
        try {
            together.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Reactive.await(() -> intake.accept(event));
    }
}
