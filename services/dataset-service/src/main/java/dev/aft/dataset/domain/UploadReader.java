package dev.aft.dataset.domain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aft.dataset.config.DatasetServiceConfig;
import dev.aft.knowledge.DatasetJsonl;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.TestItem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A team's own data: documents (required) and multiple-choice test items (optional), as JSON arrays or as JSONL
 * text. Checks ids are unique, texts non-empty, answer indexes in range, provenance pointing at uploaded
 * documents, and the configured limits.
 */
final class UploadReader {

    private static final Set<String> FIELDS = Set.of("documents", "documentsJsonl", "tests", "testsJsonl");
    private static final Set<String> DOCUMENT_FIELDS = Set.of("id", "text");
    private static final Set<String> TEST_FIELDS = Set.of("id", "split", "subType", "prefix", "options", "correct", "provenance");

    private final DatasetServiceConfig.Limits limits;

    UploadReader(DatasetServiceConfig.Limits limits) {
        this.limits = limits;
    }

    DatasetSource.Uploaded read(JsonNode upload) {
        if (!upload.isObject()) {
            throw new InvalidRequestException("upload", "must be an object with 'documents' (or 'documentsJsonl') and optional 'tests' (or 'testsJsonl')");
        }
        ExperimentRequestParser.rejectUnknown(upload, FIELDS, "upload.");
        List<Document> documents = upload.has("documentsJsonl")
                ? jsonlDocuments(text(upload, "documentsJsonl"))
                : jsonDocuments(upload.get("documents"));
        List<TestItem> tests = upload.has("testsJsonl")
                ? jsonlTests(text(upload, "testsJsonl"))
                : upload.hasNonNull("tests") ? jsonTests(upload.get("tests")) : List.of();
        check(documents, tests, upload.has("documentsJsonl") ? "upload.documentsJsonl" : "upload.documents",
                upload.has("testsJsonl") ? "upload.testsJsonl" : "upload.tests");
        return new DatasetSource.Uploaded(documents, tests);
    }

    private List<Document> jsonDocuments(JsonNode array) {
        if (array == null || array.isNull()) {
            throw new InvalidRequestException("upload.documents", "is required: the training documents");
        }
        if (!array.isArray()) {
            throw new InvalidRequestException("upload.documents", "must be an array of {\"id\", \"text\"} objects");
        }
        limit(array.size(), limits.maxDocuments(), "upload.documents", "documents");
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "upload.documents[" + i + "]";
            JsonNode node = array.get(i);
            if (!node.isObject()) {
                throw new InvalidRequestException(at, "must be an object with 'id' and 'text'");
            }
            ExperimentRequestParser.rejectUnknown(node, DOCUMENT_FIELDS, at + ".");
            documents.add(new Document(requiredText(node, "id", at), requiredText(node, "text", at), List.of()));
        }
        return documents;
    }

    private List<TestItem> jsonTests(JsonNode array) {
        if (!array.isArray()) {
            throw new InvalidRequestException("upload.tests", "must be an array of test items");
        }
        limit(array.size(), limits.maxTestItems(), "upload.tests", "test items");
        List<TestItem> tests = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "upload.tests[" + i + "]";
            JsonNode node = array.get(i);
            if (!node.isObject()) {
                throw new InvalidRequestException(at, "must be an object with 'id', 'split', 'prefix', 'options' and 'correct'");
            }
            ExperimentRequestParser.rejectUnknown(node, TEST_FIELDS, at + ".");
            JsonNode options = node.get("options");
            if (options == null || !options.isArray() || options.size() < 2) {
                throw new InvalidRequestException(at + ".options", "must be an array of at least two strings");
            }
            List<String> optionTexts = new ArrayList<>();
            for (int o = 0; o < options.size(); o++) {
                if (!options.get(o).isTextual() || options.get(o).asText().isBlank()) {
                    throw new InvalidRequestException(at + ".options[" + o + "]", "must be a non-empty string");
                }
                optionTexts.add(options.get(o).asText());
            }
            JsonNode correct = node.get("correct");
            if (correct == null || !correct.isIntegralNumber()) {
                throw new InvalidRequestException(at + ".correct", "is required: the index of the correct option");
            }
            if (correct.asInt() < 0 || correct.asInt() >= optionTexts.size()) {
                throw new InvalidRequestException(at + ".correct", "is " + correct.asInt() + " but the item has "
                        + optionTexts.size() + " options (valid: 0 to " + (optionTexts.size() - 1) + ")");
            }
            List<String> provenance = new ArrayList<>();
            JsonNode prov = node.get("provenance");
            if (prov != null && !prov.isNull()) {
                if (!prov.isArray()) {
                    throw new InvalidRequestException(at + ".provenance", "must be an array of document ids");
                }
                prov.forEach(p -> provenance.add(p.asText()));
            }
            String subType = node.hasNonNull("subType") ? node.get("subType").asText() : "";
            tests.add(new TestItem(requiredText(node, "id", at), requiredText(node, "split", at), subType,
                    requiredText(node, "prefix", at), optionTexts, correct.asInt(), provenance));
        }
        return tests;
    }

    private List<Document> jsonlDocuments(String jsonl) {
        try {
            return DatasetJsonl.readDocuments(new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("upload.documentsJsonl", e.getMessage());
        }
    }

    private List<TestItem> jsonlTests(String jsonl) {
        try {
            return DatasetJsonl.readTests(new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("upload.testsJsonl", e.getMessage());
        }
    }

    private void check(List<Document> documents, List<TestItem> tests, String documentsField, String testsField) {
        if (documents.isEmpty()) {
            throw new InvalidRequestException(documentsField, "must hold at least one document");
        }
        limit(documents.size(), limits.maxDocuments(), documentsField, "documents");
        limit(tests.size(), limits.maxTestItems(), testsField, "test items");
        Map<String, Integer> documentIds = new HashMap<>();
        for (int i = 0; i < documents.size(); i++) {
            Document document = documents.get(i);
            Integer first = documentIds.putIfAbsent(document.id(), i);
            if (first != null) {
                throw new InvalidRequestException(documentsField + "[" + i + "].id",
                        "duplicate id '" + document.id() + "' (also at index " + first + ")");
            }
            if (document.text().isBlank()) {
                throw new InvalidRequestException(documentsField + "[" + i + "].text", "must not be empty");
            }
            if (document.text().length() > limits.maxDocumentChars()) {
                throw new InvalidRequestException(documentsField + "[" + i + "].text", "has " + document.text().length()
                        + " characters; the limit is " + limits.maxDocumentChars());
            }
        }
        Set<String> testIds = new HashSet<>();
        for (int i = 0; i < tests.size(); i++) {
            TestItem test = tests.get(i);
            if (!testIds.add(test.id())) {
                throw new InvalidRequestException(testsField + "[" + i + "].id", "duplicate id '" + test.id() + "'");
            }
            if (test.options().size() > limits.maxOptions()) {
                throw new InvalidRequestException(testsField + "[" + i + "].options",
                        "has " + test.options().size() + " options; the limit is " + limits.maxOptions());
            }
            for (String source : test.provenance()) {
                if (!documentIds.containsKey(source)) {
                    throw new InvalidRequestException(testsField + "[" + i + "].provenance",
                            "names '" + source + "', which is not an uploaded document id");
                }
            }
        }
    }

    private static void limit(int count, int max, String field, String what) {
        if (count > max) {
            throw new InvalidRequestException(field, "has " + count + " " + what + "; the limit is " + max);
        }
    }

    private static String requiredText(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidRequestException(at + "." + field, "is required");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InvalidRequestException(at + "." + field, "must be a non-empty string");
        }
        return value.asText();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new InvalidRequestException("upload." + field, "must be a string of JSON lines");
        }
        return value.asText();
    }
}
