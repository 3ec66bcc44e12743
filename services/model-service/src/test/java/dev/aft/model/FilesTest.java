package dev.aft.model;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = ModelHomeResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class FilesTest {

    static final String TRAINING = """
            {"prompt": "glon are", "completion": " heavier than femp"}
            {"text": "the cat sat on a mat"}
            """;

    static Response upload(String name, byte[] content, String purpose) {
        var request = given().multiPart("file", name, content, "application/jsonl");
        if (purpose != null) {
            request = request.multiPart("purpose", purpose);
        }
        return request.when().post("/v1/files");
    }

    @Test
    void aValidFileIsStoredAndServedBackByteForByte() throws Exception {
        byte[] content = TRAINING.getBytes(StandardCharsets.UTF_8);
        Response response = upload("facts.jsonl", content, "fine-tune");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        JsonPath file = response.jsonPath();
        String id = file.getString("id");
        assertThat(id).startsWith("file-");
        assertThat(file.getString("object")).isEqualTo("file");
        assertThat(file.getLong("bytes")).isEqualTo(content.length);
        assertThat(file.getString("filename")).isEqualTo("facts.jsonl");
        assertThat(file.getString("purpose")).isEqualTo("fine-tune");
        assertThat(file.getString("status")).isEqualTo("processed");
        assertThat(file.getLong("created_at")).isPositive();
        assertThat(Files.readAllBytes(ModelHomeResource.home().resolve("files").resolve(id + ".jsonl")))
                .isEqualTo(content);

        assertThat(given().get("/v1/files/" + id).then().statusCode(200).extract().jsonPath().getMap(""))
                .isEqualTo(file.getMap(""));
        assertThat(given().get("/v1/files/" + id + "/content").then().statusCode(200).extract().asByteArray())
                .isEqualTo(content);
        JsonPath list = given().get("/v1/files").then().statusCode(200).extract().jsonPath();
        assertThat(list.getString("object")).isEqualTo("list");
        assertThat(list.getList("data.id", String.class)).contains(id);
    }

    @Test
    void anInvalidFileIsRejectedNamingTheLine() {
        byte[] content = (TRAINING + "{\"prompt\": 3, \"completion\": \"x\"}\n").getBytes(StandardCharsets.UTF_8);
        Map<String, Object> error = OpenAiErrors.error(upload("bad.jsonl", content, "fine-tune"), 400);
        assertThat(error).containsEntry("param", "file").containsEntry("code", "invalid_file_format");
        assertThat((String) error.get("message")).contains("line 3: \"prompt\" must be a string");
    }

    @Test
    void aFileOverTheLimitIsA413() {
        byte[] content = ("{\"text\": \"" + "a".repeat(70_000) + "\"}\n").getBytes(StandardCharsets.UTF_8);
        Map<String, Object> error = OpenAiErrors.error(upload("big.jsonl", content, "fine-tune"), 413);
        assertThat(error).containsEntry("param", "file").containsEntry("code", "file_too_large");
        assertThat((String) error.get("message")).contains("at most 65536 bytes");
    }

    @Test
    void purposeIsRequiredAndMustBeFineTune() {
        byte[] content = TRAINING.getBytes(StandardCharsets.UTF_8);
        assertThat(OpenAiErrors.error(upload("a.jsonl", content, null), 400)).containsEntry("param", "purpose");
        assertThat(OpenAiErrors.error(upload("a.jsonl", content, "assistants"), 400)).containsEntry("param", "purpose");
        assertThat(OpenAiErrors.error(given().get("/v1/files/file-nope"), 404)).containsEntry("param", "file_id");
    }
}
