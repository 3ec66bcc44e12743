package dev.aft.model;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = ModelHomeResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class CompletionsTest {

    static Response post(String path, String json) {
        return given().contentType("application/json").body(json).when().post(path);
    }

    static JsonPath complete(String json) {
        Response response = post("/v1/completions", json);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath();
    }

    @Test
    void everyModelFolderUnderTheHomeIsListedInOpenAisShape() {
        JsonPath list = given().when().get("/v1/models").then().statusCode(200).extract().jsonPath();
        assertThat(list.getString("object")).isEqualTo("list");
        assertThat(list.getList("data.id", String.class)).containsExactlyInAnyOrder("tiny", "tiny-chat");
        assertThat(list.getList("data.object", String.class)).containsOnly("model");
        assertThat(list.getList("data.owned_by", String.class)).containsOnly("aft");
        assertThat(list.getList("data.created", Long.class)).allMatch(created -> created > 1_600_000_000L);

        JsonPath one = given().when().get("/v1/models/tiny").then().statusCode(200).extract().jsonPath();
        assertThat(one.getMap("")).containsOnlyKeys("id", "object", "created", "owned_by", "max_model_len");
        assertThat(one.getInt("max_model_len")).isEqualTo(ModelHomeResource.TINY_CONTEXT);
        assertThat(one.getString("id")).isEqualTo("tiny");
    }

    @Test
    void anUnknownModelIsA404ModelNotFound() {
        Map<String, Object> error = OpenAiErrors.error(given().when().get("/v1/models/nope"), 404);
        assertThat(error).containsEntry("code", "model_not_found").containsEntry("param", "model")
                .containsEntry("type", "invalid_request_error");
        assertThat((String) error.get("message")).contains("'nope'");

        error = OpenAiErrors.error(post("/v1/completions", "{\"model\": \"nope\", \"prompt\": \"the cat\"}"), 404);
        assertThat(error).containsEntry("code", "model_not_found");
        assertThat(OpenAiErrors.error(given().get("/v1/nothing-here"), 404)).containsEntry("code", "unknown_url");
    }

    @Test
    void theSameSeedGivesTheSameTextAndNChoicesComeInOrder() {
        String request = """
                {"model": "tiny", "prompt": ["the cat", "a dog ran"], "max_tokens": 8, "temperature": 1.0,
                 "seed": 42, "n": 3}""";
        JsonPath first = complete(request);
        JsonPath second = complete(request);
        assertThat(first.getString("object")).isEqualTo("text_completion");
        assertThat(first.getString("id")).startsWith("cmpl-");
        assertThat(first.getString("model")).isEqualTo("tiny");
        assertThat(first.getList("choices.index", Integer.class)).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(first.getList("choices.text", String.class)).isEqualTo(second.getList("choices.text", String.class));
        assertThat(first.getList("choices.logprobs")).containsOnlyNulls();
        assertThat(first.getList("choices.finish_reason", String.class)).containsOnly("length");
        // Three samples of one prompt with one seed are three different streams.
        assertThat(first.getList("choices.text", String.class).subList(0, 3)).doesNotHaveDuplicates();
        assertThat(first.getInt("usage.completion_tokens")).isEqualTo(6 * 8);
        assertThat(first.getInt("usage.prompt_tokens")).isEqualTo(2 + 3);
        assertThat(first.getInt("usage.total_tokens")).isEqualTo(5 + 48);

        JsonPath otherSeed = complete(request.replace("\"seed\": 42", "\"seed\": 43"));
        assertThat(otherSeed.getList("choices.text", String.class))
                .isNotEqualTo(first.getList("choices.text", String.class));
    }

    @Test
    void aStopSequenceCutsTheTextBeforeIt() {
        JsonPath free = complete("""
                {"model": "tiny", "prompt": "the cat sat", "max_tokens": 12, "seed": 7, "logprobs": 0}""");
        List<String> tokens = free.getList("choices[0].logprobs.tokens", String.class);
        String text = free.getString("choices[0].text");
        String stop = tokens.get(3).strip();
        assertThat(stop).isNotEmpty();
        int cut = text.indexOf(stop);

        JsonPath stopped = complete("""
                {"model": "tiny", "prompt": "the cat sat", "max_tokens": 12, "seed": 7, "stop": ["%s"]}"""
                .formatted(stop.replace("\\", "\\\\").replace("\"", "\\\"")));
        assertThat(stopped.getString("choices[0].text")).isEqualTo(text.substring(0, cut));
        assertThat(stopped.getString("choices[0].finish_reason")).isEqualTo("stop");
    }

    @Test
    void echoWithMaxTokensZeroScoresThePromptWithoutGenerating() {
        String prompt = "the cat sat on a mat";
        JsonPath scored = complete("""
                {"model": "tiny", "prompt": "%s", "max_tokens": 0, "echo": true, "logprobs": 3}""".formatted(prompt));
        assertThat(scored.getString("choices[0].text")).isEqualTo(prompt);
        assertThat(scored.getString("choices[0].finish_reason")).isEqualTo("length");
        assertThat(scored.getInt("usage.completion_tokens")).isZero();
        List<String> tokens = scored.getList("choices[0].logprobs.tokens", String.class);
        List<Float> logprobs = scored.getList("choices[0].logprobs.token_logprobs", Float.class);
        List<Map<String, Float>> top = scored.getList("choices[0].logprobs.top_logprobs");
        List<Integer> offsets = scored.getList("choices[0].logprobs.text_offset", Integer.class);
        assertThat(tokens).hasSize(6).hasSameSizeAs(logprobs).hasSameSizeAs(top).hasSameSizeAs(offsets);
        assertThat(scored.getInt("usage.prompt_tokens")).isEqualTo(6);
        assertThat(logprobs.get(0)).isNull();
        assertThat(top.get(0)).isNull();
        assertThat(logprobs.subList(1, 6)).allMatch(lp -> lp != null && lp < 0);
        for (int i = 1; i < 6; i++) {
            Map<String, Float> alternatives = top.get(i);
            // The three most likely tokens, plus the prompt's own token when it is not among them.
            assertThat(alternatives.size()).isBetween(3, 4);
            assertThat(alternatives).containsEntry(tokens.get(i), logprobs.get(i));
            float best = alternatives.values().iterator().next();
            assertThat(alternatives.values()).allMatch(lp -> lp <= best);
        }
        // Offsets locate each token in the echoed text.
        assertThat(offsets).isSorted();
        assertThat(offsets.get(0)).isZero();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            assertThat(prompt.substring(offsets.get(i))).as("token %d %s", i, token).startsWith(token);
        }
        assertThat(String.join("", tokens)).isEqualTo(prompt);
    }

    @Test
    void echoWithGenerationCoversPromptThenCompletionTokens() {
        JsonPath result = complete("""
                {"model": "tiny", "prompt": "hello world", "max_tokens": 5, "echo": true, "logprobs": 1,
                 "temperature": 0}""");
        String text = result.getString("choices[0].text");
        assertThat(text).startsWith("hello world");
        List<String> tokens = result.getList("choices[0].logprobs.tokens", String.class);
        List<Integer> offsets = result.getList("choices[0].logprobs.text_offset", Integer.class);
        List<Float> logprobs = result.getList("choices[0].logprobs.token_logprobs", Float.class);
        assertThat(tokens).hasSize(2 + 5);
        assertThat(logprobs.get(0)).isNull();
        assertThat(logprobs.subList(1, 7)).doesNotContainNull();
        assertThat(tokens.subList(0, 2)).containsExactly("hello", " world");
        assertThat(offsets.subList(0, 3)).containsExactly(0, 5, 11);
        // A random model samples byte tokens too, so only the offsets' order is checked past the prompt.
        assertThat(offsets).isSorted().allMatch(offset -> offset <= text.length());
        // Greedy: every generated token is the most likely one.
        List<Map<String, Float>> top = result.getList("choices[0].logprobs.top_logprobs");
        for (int i = 2; i < 7; i++) {
            assertThat(logprobs.get(i)).isEqualTo(java.util.Collections.max(top.get(i).values()));
        }
    }

    @Test
    void theOnePassScoringRequestGeneratesTheSameGreedyTokenAsGeneration() {
        for (String prompt : List.of("the cat sat on", "paris is the capital of", "hello")) {
            JsonPath one = complete("""
                    {"model": "tiny", "prompt": "%s", "max_tokens": 1, "echo": true, "logprobs": 2, "temperature": 0}"""
                    .formatted(prompt));
            JsonPath two = complete("""
                    {"model": "tiny", "prompt": "%s", "max_tokens": 2, "echo": true, "logprobs": 2, "temperature": 0}"""
                    .formatted(prompt));
            List<String> tokens = one.getList("choices[0].logprobs.tokens", String.class);
            int last = tokens.size() - 1;
            assertThat(two.getList("choices[0].logprobs.tokens", String.class).subList(0, last + 1)).isEqualTo(tokens);
            assertClose(one.getList("choices[0].logprobs.token_logprobs", Float.class),
                    two.getList("choices[0].logprobs.token_logprobs", Float.class).subList(0, last + 1));
            assertThat(one.getMap("choices[0].logprobs.top_logprobs[" + last + "]").keySet())
                    .isEqualTo(two.getMap("choices[0].logprobs.top_logprobs[" + last + "]").keySet());
            assertThat(two.getString("choices[0].text")).startsWith(one.getString("choices[0].text"));
            assertThat(one.getInt("usage.completion_tokens")).isEqualTo(1);
            assertThat(one.getString("choices[0].finish_reason")).isEqualTo("length");
        }
    }

    @Test
    void readinessReportsTheModelsAndMetricsCountTokens() {
        JsonPath health = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        assertThat(health.getList("checks.name", String.class)).contains("models");
        complete("{\"model\": \"tiny\", \"prompt\": \"the cat\", \"max_tokens\": 2}");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("aft_model_tokens_total{endpoint=\"completions\",kind=\"prompt\",model=\"tiny\"")
                .contains("aft_model_inference_seconds_count{endpoint=\"completions\",model=\"tiny\"")
                .contains("aft_model_fine_tuning_jobs_scheduled");
    }

    @Test
    void tokenIdPromptsAreScoredLikeTheirText() {
        JsonPath text = complete("""
                {"model": "tiny", "prompt": "the cat sat", "max_tokens": 0, "echo": true, "logprobs": 0}""");
        List<Float> byText = text.getList("choices[0].logprobs.token_logprobs", Float.class);
        JsonPath single = complete("""
                {"model": "tiny", "prompt": %s, "max_tokens": 0, "echo": true, "logprobs": 0}"""
                .formatted(tokenIds("the cat sat")));
        JsonPath batch = complete("""
                {"model": "tiny", "prompt": [%s, %s], "max_tokens": 0, "echo": true, "logprobs": 0}"""
                .formatted(tokenIds("the cat sat"), tokenIds("a dog")));
        assertThat(single.getString("choices[0].text")).isEqualTo("the cat sat");
        assertClose(single.getList("choices[0].logprobs.token_logprobs", Float.class), byText);
        assertThat(batch.getList("choices.text", String.class)).containsExactly("the cat sat", "a dog");
        assertClose(batch.getList("choices[0].logprobs.token_logprobs", Float.class), byText);
        assertThat(batch.getList("choices[1].logprobs.text_offset", Integer.class)).containsExactly(0, 1);
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("not json", null, "could not parse the JSON body"),
                Arguments.of("[1, 2]", null, "must be a JSON object"),
                Arguments.of("{\"prompt\": \"the\"}", "model", "Missing required parameter: 'model'"),
                Arguments.of("{\"model\": \"tiny\"}", "prompt", "Missing required parameter: 'prompt'"),
                Arguments.of("{\"model\": \"tiny\", \"prompt\": 5}", "prompt", "expected a string, an array"),
                Arguments.of("{\"model\": \"tiny\", \"prompt\": [1, \"a\"]}", "prompt", "'prompt[1]'"),
                Arguments.of("{\"model\": \"tiny\", \"prompt\": [[1, 2], []]}", "prompt", "empty list"),
                Arguments.of("{\"model\": \"tiny\", \"prompt\": [-1]}", "prompt", "token id"),
                Arguments.of("{\"model\": \"tiny\", \"prompt\": [99999]}", "prompt", "not in the model's vocabulary"),
                Arguments.of("{\"model\": \"tiny\", \"prompt\": [\"a\",\"a\",\"a\",\"a\",\"a\",\"a\",\"a\",\"a\",\"a\"]}",
                        "prompt", "at most 8"),
                Arguments.of("{\"model\": \"tiny\", \"prompt\": \"a\", \"max_tokens\": \"ten\"}", "max_tokens",
                        "expected an integer, but got a string"),
                Arguments.of("{\"model\": \"tiny\", \"prompt\": \"a\", \"max_tokens\": -1}", "max_tokens",
                        "Expected a value >= 0"),
                Arguments.of("{\"model\": \"tiny\", \"prompt\": \"a\", \"max_tokens\": 100000}", "max_tokens",
                        "Expected a value <= 4096"),
                Arguments.of("{\"model\": \"tiny\", \"prompt\": \"a\", \"logprobs\": 6}", "logprobs",
                        "Expected a value <= 5"),
                Arguments.of("{\"model\": \"tiny\", \"prompt\": \"a\", \"temperature\": 3}", "temperature",
                        "Expected a value <= 2"),
                Arguments.of("{\"model\": \"tiny\", \"prompt\": \"a\", \"top_p\": 0}", "top_p", "greater than 0"),
                Arguments.of("{\"model\": \"tiny\", \"prompt\": \"a\", \"n\": 0}", "n", "Expected a value >= 1"),
                Arguments.of("{\"model\": \"tiny\", \"prompt\": \"a\", \"n\": 17}", "n", "Expected a value <= 16"),
                Arguments.of("{\"model\": \"tiny\", \"prompt\": \"a\", \"stop\": [\"a\",\"b\",\"c\",\"d\",\"e\"]}",
                        "stop", "maximum length 4"),
                Arguments.of("{\"model\": \"tiny\", \"prompt\": \"a\", \"stop\": [1]}", "stop", "'stop[0]'"),
                Arguments.of("{\"model\": \"tiny\", \"prompt\": \"a\", \"echo\": \"yes\"}", "echo",
                        "expected a boolean"),
                Arguments.of("{\"model\": \"tiny\", \"prompt\": \"a\", \"seed\": \"x\"}", "seed",
                        "expected an integer"),
                Arguments.of("{\"model\": \"tiny\", \"prompt\": \"a\", \"stream\": true}", "stream",
                        "Streaming is not supported"));
    }

    @ParameterizedTest
    @MethodSource("badRequests")
    void aBadRequestIsA400InOpenAisShapeNamingTheField(String body, String param, String message) {
        Map<String, Object> error = OpenAiErrors.error(post("/v1/completions", body), 400);
        assertThat(error).containsEntry("type", "invalid_request_error").containsEntry("param", param);
        assertThat((String) error.get("message")).contains(message);
    }

    static void assertClose(List<Float> actual, List<Float> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i) == null) {
                assertThat(actual.get(i)).isNull();
            } else {
                assertThat(actual.get(i)).isCloseTo(expected.get(i), org.assertj.core.data.Offset.offset(1e-4f));
            }
        }
    }

    /** The ids of a text, from the model's own tokenizer. */
    static String tokenIds(String text) {
        try (dev.aft.lm.tokenizer.Tokenizer tokenizer = dev.aft.lm.tokenizer.Tokenizer.load(
                ModelHomeResource.modelFolder("tiny"))) {
            return java.util.Arrays.toString(tokenizer.encode(text).ids());
        }
    }

    @Test
    void aPromptOverTheContextIsA400NamingTheLimit() {
        String longPrompt = "the cat ".repeat(40).strip();
        Map<String, Object> error = OpenAiErrors.error(post("/v1/completions", """
                {"model": "tiny", "prompt": "%s", "max_tokens": 0}""".formatted(longPrompt)), 400);
        assertThat(error).containsEntry("code", "context_length_exceeded").containsEntry("param", "prompt");
        assertThat((String) error.get("message")).contains("maximum context length is 64 tokens")
                .contains("80 in your prompt");

        error = OpenAiErrors.error(post("/v1/completions", """
                {"model": "tiny", "prompt": "the cat sat", "max_tokens": 62}"""), 400);
        assertThat((String) error.get("message")).contains("64 tokens").contains("65 tokens");
    }
}
