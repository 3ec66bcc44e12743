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
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = ModelHomeResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ChatCompletionsTest {

    private static Response chat(String json) {
        return given().contentType("application/json").body(json).when().post("/v1/chat/completions");
    }

    @Test
    void aChatModelAnswersWithTheGenerationAfterItsRenderedTemplate() {
        String messages = """
                [{"role": "system", "content": "the cat"}, {"role": "user", "content": "hello world"}]""";
        Response response = chat("""
                {"model": "tiny-chat", "messages": %s, "max_tokens": 6, "temperature": 0, "logprobs": true,
                 "top_logprobs": 2}""".formatted(messages));
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        JsonPath chat = response.jsonPath();
        assertThat(chat.getString("object")).isEqualTo("chat.completion");
        assertThat(chat.getString("id")).startsWith("chatcmpl-");
        assertThat(chat.getString("choices[0].message.role")).isEqualTo("assistant");
        assertThat(chat.getString("choices[0].finish_reason")).isIn("stop", "length");
        List<Map<String, Object>> content = chat.getList("choices[0].logprobs.content");
        assertThat(content).hasSize(chat.getInt("usage.completion_tokens"));
        assertThat(content.get(0)).containsOnlyKeys("token", "logprob", "bytes", "top_logprobs");
        assertThat((List<?>) content.get(0).get("top_logprobs")).hasSize(2);

        // The prompt is exactly the template's rendering: the same text through /v1/completions continues alike.
        String rendered = "the cat</s><|user|> hello world</s> <|assistant|>";
        JsonPath completion = given().contentType("application/json").body("""
                {"model": "tiny-chat", "prompt": "%s", "max_tokens": 6, "temperature": 0}""".formatted(rendered))
                .post("/v1/completions").then().statusCode(200).extract().jsonPath();
        assertThat(chat.getString("choices[0].message.content")).isEqualTo(completion.getString("choices[0].text"));
        assertThat(chat.getInt("usage.prompt_tokens")).isEqualTo(completion.getInt("usage.prompt_tokens"));
    }

    @Test
    void aModelWithoutAChatTemplateIsA400SayingSo() {
        Map<String, Object> error = OpenAiErrors.error(chat("""
                {"model": "tiny", "messages": [{"role": "user", "content": "hello"}]}"""), 400);
        assertThat(error).containsEntry("param", "model");
        assertThat((String) error.get("message")).contains("'tiny' has no chat template");
    }

    @Test
    void malformedMessagesAreA400NamingTheField() {
        assertThat(OpenAiErrors.error(chat("{\"model\": \"tiny-chat\", \"messages\": []}"), 400))
                .containsEntry("param", "messages");
        assertThat(OpenAiErrors.error(chat("{\"model\": \"tiny-chat\", \"messages\": [{\"content\": \"x\"}]}"), 400))
                .containsEntry("param", "messages[0].role");
        assertThat(OpenAiErrors.error(chat("""
                {"model": "tiny-chat", "messages": [{"role": "user", "content": 5}]}"""), 400))
                .containsEntry("param", "messages[0].content");
        assertThat(OpenAiErrors.error(chat("{\"model\": \"nope\", \"messages\": [{\"role\": \"user\"}]}"), 404))
                .containsEntry("code", "model_not_found");
    }
}
