package dev.aft.augment.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aft.augment.domain.StatementsJsonl;
import dev.aft.augment.persistence.OutputEntity;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

/**
 * {@code outputs.jsonl}: one line per stored model output, {@code {"promptId", "sample", "overContext", "text"?,
 * "counts", "contextDocuments"?, "contextDocumentIds"?}} ({@code contextDocumentIds} only where a global
 * prompt's context had to be chosen).
 */
final class OutputLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"promptId", "sample", "overContext", "text", "counts", "contextDocuments", "contextDocumentIds"})
    record Line(String promptId, int sample, boolean overContext, String text, Map<String, Integer> counts,
            Integer contextDocuments, List<String> contextDocumentIds) {
    }

    private OutputLines() {
    }

    static byte[] write(List<OutputEntity> outputs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (OutputEntity o : outputs) {
            Line line = new Line(o.promptId, o.sample, o.overContext, o.text, new java.util.TreeMap<>(Map.of(
                    "candidates", o.candidates, "droppedEcho", o.droppedEcho, "droppedNotStatement",
                    o.droppedNotStatement, "droppedDuplicateOfSource", o.droppedDuplicateOfSource, "droppedDuplicate",
                    o.droppedDuplicate, "kept", o.kept)), o.contextDocuments,
                    o.contextDocumentIds == null ? null : StatementsJsonl.readArray(o.contextDocumentIds));
            try {
                out.writeBytes(JSON.writeValueAsBytes(line));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            out.write('\n');
        }
        return out.toByteArray();
    }
}
