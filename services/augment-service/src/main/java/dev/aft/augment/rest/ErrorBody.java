package dev.aft.augment.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON of every error answer: a machine-readable code and the reason. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorBody(String error, String message) {
}
