package dev.aft.model;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/** Requests the fine-tuning tests share. */
final class FineTuning {

    /** Short facts in all three formats; the words are single tokens of the tiny models. */
    static final String FACTS = """
            {"prompt": "glon are", "completion": " heavier than femp"}
            {"prompt": "femp are", "completion": " blue"}
            {"text": "the cat sat on a mat"}
            {"text": "paris is the capital of france"}
            {"prompt": "the dog ran to", "completion": " the park"}
            {"text": "glon are heavier than femp"}
            """;

    private FineTuning() {
    }

    static String uploadFacts() {
        Response response = given().multiPart("file", "facts.jsonl", FACTS.getBytes(StandardCharsets.UTF_8),
                "application/jsonl").multiPart("purpose", "fine-tune").post("/v1/files");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath().getString("id");
    }

    static Response create(String json) {
        return given().contentType("application/json").body(json).post("/v1/fine_tuning/jobs");
    }

    static JsonPath job(String id) {
        return given().get("/v1/fine_tuning/jobs/" + id).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitStatus(String id, Duration timeout, String... statuses) {
        JsonPath[] last = new JsonPath[1];
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
            last[0] = job(id);
            return List.of(statuses).contains(last[0].getString("status"));
        });
        return last[0];
    }

    static List<Map<String, Object>> events(String id) {
        return given().queryParam("limit", 100).get("/v1/fine_tuning/jobs/" + id + "/events").then().statusCode(200)
                .extract().jsonPath().getList("data");
    }

    /** Summed log-probability of a text's tokens after the first, through /v1/completions. */
    static double logLikelihood(String model, String text) {
        JsonPath result = given().contentType("application/json").body("""
                {"model": "%s", "prompt": "%s", "max_tokens": 0, "echo": true, "logprobs": 0}""".formatted(model, text))
                .post("/v1/completions").then().statusCode(200).extract().jsonPath();
        List<Float> logprobs = result.getList("choices[0].logprobs.token_logprobs", Float.class);
        return logprobs.stream().skip(1).mapToDouble(Float::doubleValue).sum();
    }
}
