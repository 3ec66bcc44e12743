package dev.aft.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.Map;

/** Assertions on OpenAI-shaped error answers. */
final class OpenAiErrors {

    private OpenAiErrors() {
    }

    /** Checks the status and the error object (all four keys present), and returns the error's fields. */
    static Map<String, Object> error(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        Map<String, Object> error = response.jsonPath().getMap("error");
        assertThat(error).as(response.asString()).containsOnlyKeys("message", "type", "param", "code");
        assertThat(error.get("message")).isInstanceOf(String.class);
        assertThat(error.get("type")).isInstanceOf(String.class);
        return error;
    }
}
