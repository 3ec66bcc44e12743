package dev.aft.eval.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Per-item scores as JSON Lines, fields in a fixed order: {@code id, split, subType, scores, optionChars,
 * predicted, predictedNorm, answer, correct, correctNorm}. These exact bytes are stored, served, and covered
 * by the sha256 in {@code EvaluationCompleted}.
 */
public final class ItemsJsonl {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ItemsJsonl() {
    }

    public static byte[] write(List<ItemResult> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (ItemResult item : items) {
                try (JsonGenerator g = FACTORY.createGenerator(out)) {
                    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                    g.writeStartObject();
                    g.writeStringField("id", item.id());
                    g.writeStringField("split", item.split());
                    g.writeStringField("subType", item.subType());
                    g.writeArrayFieldStart("scores");
                    for (double score : item.scores()) {
                        g.writeNumber(score);
                    }
                    g.writeEndArray();
                    g.writeArrayFieldStart("optionChars");
                    for (int chars : item.optionChars()) {
                        g.writeNumber(chars);
                    }
                    g.writeEndArray();
                    g.writeNumberField("predicted", item.predicted());
                    g.writeNumberField("predictedNorm", item.predictedNorm());
                    g.writeNumberField("answer", item.answer());
                    g.writeBooleanField("correct", item.correct());
                    g.writeBooleanField("correctNorm", item.correctNorm());
                    g.writeEndObject();
                }
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
