package dev.aft.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** OpenAI's list envelope: {@code {"object": "list", "data": [...], "has_more"?}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListResponse<T>(String object, List<T> data, @JsonProperty("has_more") Boolean hasMore) {

    public static <T> ListResponse<T> of(List<T> data) {
        return new ListResponse<>("list", data, null);
    }

    public static <T> ListResponse<T> page(List<T> data, boolean hasMore) {
        return new ListResponse<>("list", data, hasMore);
    }
}
