package dev.aft.report.rest;

import java.util.List;
import java.util.Locale;

/** The report's representations, chosen by {@code ?format=} or else by the {@code Accept} header. */
enum ReportFormat {
    JSON("application/json"),
    CSV("text/csv"),
    MARKDOWN("text/markdown");

    static final String ACCEPTED = "json, csv, md";

    final String mediaType;

    ReportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    static ReportFormat choose(String format, List<String> accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "json" -> JSON;
                case "csv" -> CSV;
                case "md", "markdown" -> MARKDOWN;
                default -> throw new InvalidRequestException("format",
                        "format '" + format + "' is not one of " + ACCEPTED);
            };
        }
        for (String header : accept == null ? List.<String>of() : accept) {
            for (String type : header.split(",")) {
                String mediaType = type.split(";")[0].trim().toLowerCase(Locale.ROOT);
                if (mediaType.equals("text/csv")) {
                    return CSV;
                }
                if (mediaType.equals("text/markdown")) {
                    return MARKDOWN;
                }
                if (mediaType.equals("application/json")) {
                    return JSON;
                }
            }
        }
        return JSON;
    }
}
