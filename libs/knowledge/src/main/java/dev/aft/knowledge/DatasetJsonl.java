package dev.aft.knowledge;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Datasets as JSON Lines: one object per line, UTF-8, "\n" line ends, fields in a fixed order (document:
 * id, text, factIds; test: id, split, subType, prefix, options, correct, provenance; fact: id, subject,
 * relation, object, sentence). The readers accept user uploads and reject a bad line with a message that
 * names its 1-based number and what is wrong.
 */
public final class DatasetJsonl {

    private static final JsonFactory FACTORY = new ObjectMapper().getFactory();

    private DatasetJsonl() {
    }

    public static byte[] documents(Dataset dataset) {
        return lines(dataset.documents(), (g, d) -> {
            g.writeStringField("id", d.id());
            g.writeStringField("text", d.text());
            writeStrings(g, "factIds", d.factIds());
        });
    }

    public static byte[] tests(Dataset dataset) {
        return lines(dataset.tests(), (g, t) -> {
            g.writeStringField("id", t.id());
            g.writeStringField("split", t.split());
            g.writeStringField("subType", t.subType());
            g.writeStringField("prefix", t.prefix());
            writeStrings(g, "options", t.options());
            g.writeNumberField("correct", t.correct());
            writeStrings(g, "provenance", t.provenance());
        });
    }

    public static byte[] facts(Dataset dataset) {
        return lines(dataset.facts(), (g, f) -> {
            g.writeStringField("id", f.id());
            g.writeStringField("subject", f.subject());
            g.writeStringField("relation", f.relation());
            g.writeStringField("object", f.object());
            g.writeStringField("sentence", f.sentence());
        });
    }

    /** Documents from JSONL: {@code id} and {@code text} required, {@code factIds} optional (default empty). */
    public static List<Document> readDocuments(InputStream in) {
        return JsonlReader.read(in, "document", JsonlLines::document);
    }

    /**
     * Test items from JSONL: {@code id}, {@code split}, {@code prefix}, {@code options} and {@code correct}
     * required; {@code subType} (default "") and {@code provenance} (default empty) optional.
     */
    public static List<TestItem> readTests(InputStream in) {
        return JsonlReader.read(in, "test item", JsonlLines::testItem);
    }

    /** Facts from JSONL: every field required. */
    public static List<Fact> readFacts(InputStream in) {
        return JsonlReader.read(in, "fact", JsonlLines::fact);
    }

    private interface FieldWriter<T> {
        void write(JsonGenerator generator, T item) throws IOException;
    }

    private static <T> byte[] lines(List<T> items, FieldWriter<T> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (T item : items) {
                try (JsonGenerator generator = FACTORY.createGenerator(out)) {
                    generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                    generator.writeStartObject();
                    fields.write(generator, item);
                    generator.writeEndObject();
                }
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeStrings(JsonGenerator generator, String name, List<String> values) throws IOException {
        generator.writeArrayFieldStart(name);
        for (String value : values) {
            generator.writeString(value);
        }
        generator.writeEndArray();
    }
}
