package dev.aft.knowledge;

import java.util.HashSet;
import java.util.List;

/** How each kind of JSONL line becomes a record. */
final class JsonlLines {

    private static final List<String> DOCUMENT_FIELDS = List.of("id", "text", "factIds");
    private static final List<String> TEST_FIELDS =
            List.of("id", "split", "subType", "prefix", "options", "correct", "provenance");
    private static final List<String> FACT_FIELDS = List.of("id", "subject", "relation", "object", "sentence");

    private JsonlLines() {
    }

    static Document document(Fields fields) {
        fields.allowOnly(DOCUMENT_FIELDS);
        return new Document(fields.id(), fields.text("text"), fields.optionalTexts("factIds"));
    }

    static TestItem testItem(Fields fields) {
        fields.allowOnly(TEST_FIELDS);
        String id = fields.id();
        List<String> options = fields.texts("options");
        if (options.size() < 2) {
            throw new JsonlReader.LineException("field \"options\" needs at least two options, found "
                    + options.size());
        }
        if (new HashSet<>(options).size() != options.size()) {
            throw new JsonlReader.LineException("field \"options\" holds the same option twice");
        }
        int correct = fields.integer("correct");
        if (correct < 0 || correct >= options.size()) {
            throw new JsonlReader.LineException("correct index " + correct + " is out of range: options has "
                    + options.size() + " entries, so correct must be between 0 and " + (options.size() - 1));
        }
        return new TestItem(id, fields.text("split"), fields.optionalText("subType", ""), fields.text("prefix"),
                options, correct, fields.optionalTexts("provenance"));
    }

    static Fact fact(Fields fields) {
        fields.allowOnly(FACT_FIELDS);
        return new Fact(fields.id(), fields.text("subject"), fields.text("relation"), fields.text("object"),
                fields.text("sentence"));
    }
}
