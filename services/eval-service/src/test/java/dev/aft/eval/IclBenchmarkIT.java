package dev.aft.eval;

import static dev.aft.eval.EvalTestSupport.createExperiment;
import static dev.aft.eval.EvalTestSupport.plan;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.Topics;
import dev.aft.contracts.events.EvaluationCompleted;
import dev.aft.contracts.plan.Condition;
import dev.aft.contracts.plan.IclOptions;
import dev.aft.contracts.plan.ModelChoice;
import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.Families;
import dev.aft.knowledge.TestItem;
import dev.aft.modelclient.Completion;
import dev.aft.modelclient.ModelClient;
import dev.aft.modelclient.ModelClientSettings;
import dev.aft.testing.KafkaTestResource;
import dev.aft.testing.PostgresTestResource;
import dev.aft.testing.ServiceProcess;
import dev.aft.testing.TopicReader;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The in-context condition's cost on this machine, end to end through the packaged services: simple reversals
 * with 100 two-option items and the whole training set (100 documents) in context, scored by model-service
 * with its prefix cache, on a ~3.5M-parameter Llama (random weights: a stand-in of the reference model's size
 * until that model ships). Opt-in: {@code ./mvnw -o verify -pl services/eval-service -Daft.eval.benchmark=true
 * -Dit.test=IclBenchmarkIT -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "aft.eval.benchmark", matches = "true")
class IclBenchmarkIT {

    private static final Map<String, Object> PARAMETERS = Map.of("facts", 50, "articlesPerFact", 2);

    /** Mean time of one item's scoring request sent straight to model-service, over 20 items. */
    private static double directMillisPerItem(String modelService, Dataset dataset, boolean inContext) {
        ModelClient client = new ModelClient(ModelClientSettings.of(modelService + "/v1"));
        String context = !inContext ? "" : TestData.INSTRUCTION + "\n\n" + dataset.documents().stream()
                .map(Document::text).collect(Collectors.joining("\n")) + "\n\n";
        List<TestItem> items = dataset.tests().subList(0, 20);
        long start = System.nanoTime();
        for (TestItem item : items) {
            client.complete(Completion.Request.scoring("bench", List.of(context + item.prefix(),
                    context + item.prefix() + " " + item.options().get(0), context + item.prefix() + " " + item.options().get(1))));
        }
        return (System.nanoTime() - start) / 1e6 / items.size();
    }

    @Test
    void inContextScoringOfOneHundredItemsAfterTheWholeTrainingSet() throws Exception {
        Dataset dataset = Families.generator(TestData.FAMILY).generate(PARAMETERS, TestData.SEED);
        Path home = Files.createTempDirectory("aft-eval-bench-");
        TinyModels.write(home.resolve("models").resolve("bench"), TinyModels.words(List.of(dataset), TestData.INSTRUCTION),
                256, 688, 4, 4096, 1);
        Map<String, String> modelEnv = ServicesResource.database();
        modelEnv.put("AFT_MODEL_HOME", home.toString());
        modelEnv.put("AFT_MODEL_REFERENCE_MODEL_PATH", home.resolve("none").toString());
        modelEnv.put("DJL_OFFLINE", "true");
        String modelService = ServicesResource.start("model-service", modelEnv);

        Map<String, String> env = ServicesResource.database();
        env.put("KAFKA_BOOTSTRAP_SERVERS", KafkaTestResource.bootstrapServers());
        env.put("AFT_EVAL_MODEL_BASE_URL", modelService + "/v1");
        String database = env.get("AFT_TEST_DATABASE");
        try (ServiceProcess eval = ServiceProcess.start(ServiceProcess.jarUnderTest(), env);
                TopicReader outcomes = TopicReader.fromBeginning(Topics.EVALUATIONS)) {
            String experimentId = createExperiment(plan("bench", ModelChoice.DEFAULT_BACKEND, IclOptions.defaults(),
                    Condition.ICL), PARAMETERS).getString("experimentId");
            List<EventEnvelope<?>> done = outcomes.awaitEvents(e -> e.experimentId().equals(experimentId), 1,
                    Duration.ofMinutes(5), Duration.ZERO);
            assertThat(done).as(eval.log()).hasSize(1);
            assertThat(done.get(0).payload()).as("%s", done.get(0).payload()).isInstanceOf(EvaluationCompleted.class);
            JsonPath view = given().baseUri(eval.baseUrl())
                    .get("/evaluations/" + done.get(0).payloadAs(EvaluationCompleted.class).evaluationId()).jsonPath();
            long millis = view.getLong("durationMillis");
            System.out.printf("icl benchmark: %d items x %d options after %d documents (%d context tokens):"
                            + " %.1f s, %d prompt tokens scored (%.0f tokens/s)%n", dataset.tests().size(),
                    dataset.tests().get(0).options().size(), view.getInt("context.documents"),
                    view.getInt("context.tokens"), millis / 1000.0, view.getLong("promptTokens"),
                    view.getLong("promptTokens") * 1000.0 / millis);
            System.out.printf("icl benchmark, direct scoring requests per item (3 prompts): %.0f ms with the documents"
                            + " in context, %.0f ms without (machine load %.1f)%n",
                    directMillisPerItem(modelService, dataset, true), directMillisPerItem(modelService, dataset, false),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            assertThat(view.getInt("context.documents")).isEqualTo(dataset.documents().size());
            assertThat(millis).as("in-context evaluation time").isLessThanOrEqualTo(30_000);
        } finally {
            PostgresTestResource.dropDatabase(database);
        }
    }
}
