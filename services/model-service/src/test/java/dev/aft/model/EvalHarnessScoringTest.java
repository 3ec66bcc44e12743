package dev.aft.model;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aft.lm.LanguageModel;
import dev.aft.lm.scoring.TokenScores;
import dev.aft.lm.tokenizer.Tokenizer;
import dev.aft.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drives /v1/completions the way lm-evaluation-harness's {@code local-completions} model scores
 * multiple-choice items: token-id prompts {@code context + continuation} in one batch, {@code echo: true},
 * {@code logprobs: 1}, {@code max_tokens: 1}, {@code temperature: 0}, {@code seed}; the continuation's
 * log-likelihood is {@code sum(token_logprobs[ctxlen:-1])} and it is greedy when every one of those equals
 * the best of its {@code top_logprobs}. Both must match the engine, called directly.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = ModelHomeResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class EvalHarnessScoringTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String[]> ITEMS = List.of(
            new String[] {"paris is the capital of", " france"},
            new String[] {"paris is the capital of", " blue"},
            new String[] {"the cat sat on a", " mat"},
            new String[] {"the cat sat on a", " red dog"},
            new String[] {"glon are heavier than", " femp"},
            new String[] {"hello", " world to the park"});

    private static LanguageModel engine;

    @BeforeAll
    static void loadEngine() {
        engine = LanguageModel.load(ModelHomeResource.modelFolder(ModelHomeResource.TINY));
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    /** lm-evaluation-harness's split: the continuation is what tokens(context + continuation) add after tokens(context). */
    private record Request(int[] tokens, int contextLength) {
    }

    private static Request request(String context, String continuation) {
        Tokenizer tokenizer = engine.tokenizer();
        int[] contextTokens = tokenizer.encode(context).ids();
        int[] whole = tokenizer.encode(context + continuation).ids();
        assertThat(Arrays.copyOf(whole, contextTokens.length)).isEqualTo(contextTokens);
        return new Request(whole, contextTokens.length);
    }

    @Test
    void summedContinuationLogprobsOverHttpEqualTheEngines() throws Exception {
        List<Request> requests = new ArrayList<>();
        List<int[]> prompts = new ArrayList<>();
        for (String[] item : ITEMS) {
            Request request = request(item[0], item[1]);
            requests.add(request);
            prompts.add(request.tokens());
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("model", ModelHomeResource.TINY);
        payload.put("prompt", prompts);
        payload.put("temperature", 0);
        payload.put("max_tokens", 1);
        payload.put("logprobs", 1);
        payload.put("seed", 1234);
        payload.put("echo", true);
        JsonPath response = given().contentType("application/json").body(JSON.writeValueAsString(payload))
                .post("/v1/completions").then().statusCode(200).extract().jsonPath();

        List<TokenScores> direct = engine.score(prompts, 1);
        List<Map<String, Object>> choices = response.getList("choices");
        assertThat(choices).hasSize(ITEMS.size());
        choices.sort((a, b) -> Integer.compare((Integer) a.get("index"), (Integer) b.get("index")));
        for (int i = 0; i < ITEMS.size(); i++) {
            Request request = requests.get(i);
            @SuppressWarnings("unchecked")
            Map<String, Object> logprobs = (Map<String, Object>) choices.get(i).get("logprobs");
            List<Float> tokenLogprobs = floats(logprobs.get("token_logprobs"));
            @SuppressWarnings("unchecked")
            List<Map<String, Number>> top = (List<Map<String, Number>>) logprobs.get("top_logprobs");
            // Prompt tokens plus the one generated token.
            assertThat(tokenLogprobs).hasSize(request.tokens().length + 1);

            double overHttp = 0;
            boolean greedyOverHttp = true;
            for (int j = request.contextLength(); j < tokenLogprobs.size() - 1; j++) {
                overHttp += tokenLogprobs.get(j);
                float best = Collections.max(top.get(j).values().stream().map(Number::floatValue).toList());
                greedyOverHttp &= tokenLogprobs.get(j) == best;
            }
            TokenScores scores = direct.get(i);
            double byEngine = scores.sum(request.contextLength());
            boolean greedyByEngine = true;
            for (int j = request.contextLength(); j < request.tokens().length; j++) {
                greedyByEngine &= scores.topIds()[j][0] == request.tokens()[j];
            }
            assertThat(overHttp).as("item %d", i).isCloseTo(byEngine, within(1e-4));
            assertThat(greedyOverHttp).as("item %d greedy", i).isEqualTo(greedyByEngine);
        }
    }

    @Test
    void maxTokensZeroWithTextPromptsGivesTheSameLikelihoods() throws Exception {
        List<String> texts = ITEMS.stream().map(item -> item[0] + item[1]).toList();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("model", ModelHomeResource.TINY);
        payload.put("prompt", texts);
        payload.put("temperature", 0);
        payload.put("max_tokens", 0);
        payload.put("logprobs", 1);
        payload.put("echo", true);
        JsonPath response = given().contentType("application/json").body(JSON.writeValueAsString(payload))
                .post("/v1/completions").then().statusCode(200).extract().jsonPath();
        for (int i = 0; i < ITEMS.size(); i++) {
            Request request = request(ITEMS.get(i)[0], ITEMS.get(i)[1]);
            List<Float> tokenLogprobs = floats(response.getList("choices[" + i + "].logprobs.token_logprobs"));
            assertThat(tokenLogprobs).hasSize(request.tokens().length);
            double overHttp = 0;
            for (int j = request.contextLength(); j < tokenLogprobs.size(); j++) {
                overHttp += tokenLogprobs.get(j);
            }
            double byEngine = engine.score(List.of(request.tokens()), 0).get(0).sum(request.contextLength());
            assertThat(overHttp).as("item %d", i).isCloseTo(byEngine, within(1e-4));
            assertThat(response.getString("choices[" + i + "].text")).isEqualTo(texts.get(i));
        }
    }

    private static List<Float> floats(Object list) {
        List<Float> values = new ArrayList<>();
        for (Object value : (List<?>) list) {
            values.add(value == null ? null : ((Number) value).floatValue());
        }
        return values;
    }
}
