package dev.aft.report.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON of every error answer: a machine-readable code, the field at fault (if any), and the reason. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorBody(String error, String field, String message) {
}
