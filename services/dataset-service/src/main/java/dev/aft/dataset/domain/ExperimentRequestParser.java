package dev.aft.dataset.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aft.contracts.InvalidEventException;
import dev.aft.contracts.plan.Plan;
import dev.aft.contracts.serde.ContractJson;
import dev.aft.dataset.config.DatasetServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates {@code POST /experiments}:
 *
 * <pre>{"name": "...", "dataset": {"family": "simple-reversals", "parameters": {...}, "seed": 7}, "plan": {...}}
 * {"name": "...", "upload": {"documents": [...] | "documentsJsonl": "...", "tests": [...] | "testsJsonl": "..."}, "plan": {...}}</pre>
 *
 * Every problem is an {@link InvalidRequestException} naming the field; nothing is generated or stored until
 * the whole request is valid.
 */
@ApplicationScoped
public class ExperimentRequestParser {

    private static final Set<String> TOP_LEVEL = Set.of("name", "dataset", "upload", "plan");
    private static final Set<String> DATASET_FIELDS = Set.of("family", "parameters", "seed");
    private static final long DEFAULT_SEED = 1;

    private final ObjectMapper mapper = ContractJson.mapper();
    private final UploadReader uploads;

    public ExperimentRequestParser(DatasetServiceConfig config) {
        this.uploads = new UploadReader(config.limits());
    }

    public ExperimentRequest parse(byte[] body) {
        JsonNode root = readJson(body);
        rejectUnknown(root, TOP_LEVEL, "");
        String name = optionalText(root, "name", 200);
        boolean generated = root.hasNonNull("dataset");
        boolean uploaded = root.hasNonNull("upload");
        if (generated == uploaded) {
            throw new InvalidRequestException(generated ? "upload" : "dataset",
                    "give exactly one of 'dataset' (a generator spec) or 'upload' (your own documents and tests)");
        }
        DatasetSource source = generated ? generatorSpec(root.get("dataset")) : uploads.read(root.get("upload"));
        return new ExperimentRequest(name, source, plan(root.get("plan")));
    }

    private JsonNode readJson(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidRequestException("", "the request body is empty; send a JSON object");
        }
        try {
            JsonNode root = mapper.readTree(body);
            if (root == null || !root.isObject()) {
                throw new InvalidRequestException("", "the request body must be a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new InvalidRequestException("", "malformed JSON: " + firstLine(e.getMessage()));
        }
    }

    private static DatasetSource generatorSpec(JsonNode dataset) {
        if (!dataset.isObject()) {
            throw new InvalidRequestException("dataset", "must be an object with 'family', 'parameters' and 'seed'");
        }
        rejectUnknown(dataset, DATASET_FIELDS, "dataset.");
        JsonNode family = dataset.get("family");
        if (family == null || !family.isTextual() || family.asText().isBlank()) {
            throw new InvalidRequestException("dataset.family", "is required: the name of a dataset family");
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        JsonNode params = dataset.get("parameters");
        if (params != null && !params.isNull()) {
            if (!params.isObject()) {
                throw new InvalidRequestException("dataset.parameters", "must be an object of parameter values");
            }
            params.fields().forEachRemaining(e -> parameters.put(e.getKey(), scalar(e.getValue(), "dataset.parameters." + e.getKey())));
        }
        JsonNode seed = dataset.get("seed");
        if (seed != null && !seed.isNull() && !seed.canConvertToLong()) {
            throw new InvalidRequestException("dataset.seed", "must be an integer");
        }
        return new DatasetSource.Generated(family.asText(), parameters, seed == null || seed.isNull() ? DEFAULT_SEED : seed.asLong());
    }

    private static Object scalar(JsonNode value, String field) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.canConvertToInt() ? value.asInt() : value.asLong();
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isTextual()) {
            return value.asText();
        }
        throw new InvalidRequestException(field, "must be a number, a boolean or a string");
    }

    private static Plan plan(JsonNode plan) {
        if (plan == null || plan.isNull()) {
            return Plan.standard();
        }
        try {
            return ContractJson.read(plan, Plan.class, "plan");
        } catch (InvalidEventException e) {
            throw new InvalidRequestException(e.field(), e.getMessage().substring(e.field().isEmpty() ? 0 : e.field().length() + 2));
        }
    }

    static String optionalText(JsonNode parent, String field, int maxLength) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidRequestException(field, "must be a string");
        }
        if (value.asText().length() > maxLength) {
            throw new InvalidRequestException(field, "must be at most " + maxLength + " characters");
        }
        return value.asText();
    }

    static void rejectUnknown(JsonNode node, Set<String> known, String prefix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InvalidRequestException(prefix + name, "unknown field (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
