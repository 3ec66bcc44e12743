package dev.aft.model.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aft.model.chat.ChatTemplate;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a fine-tuning JSONL file line by line: every non-blank line one JSON object with {@code prompt} and
 * {@code completion} strings, or {@code messages} (role and content strings; roles system, user, assistant;
 * the last one the assistant's), or {@code text}. Problems are reported with their line numbers.
 */
public final class TrainingFileParser {

    /** The first problems found, each naming its line. */
    public static final class InvalidTrainingFile extends RuntimeException {
        private final List<String> problems;

        InvalidTrainingFile(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private static final int MAX_PROBLEMS = 5;
    private static final Set<String> ROLES = Set.of("system", "user", "assistant");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainingFileParser() {
    }

    public static List<TrainingRecord> parse(byte[] bytes) {
        List<String> problems = new ArrayList<>();
        List<TrainingRecord> records = new ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            lineNumber++;
            String problem;
            try {
                String line = utf8(bytes, start, end);
                if (line.isBlank()) {
                    problem = null;
                } else {
                    TrainingRecord record = record(line);
                    records.add(record);
                    problem = null;
                }
            } catch (LineProblem e) {
                problem = e.getMessage();
            }
            if (problem != null) {
                problems.add("line " + lineNumber + ": " + problem);
                if (problems.size() == MAX_PROBLEMS) {
                    break;
                }
            }
            start = end + 1;
        }
        if (problems.isEmpty() && records.isEmpty()) {
            problems.add("the file holds no examples (one JSON object per line)");
        }
        if (!problems.isEmpty()) {
            throw new InvalidTrainingFile(problems);
        }
        return records;
    }

    private static final class LineProblem extends RuntimeException {
        LineProblem(String message) {
            super(message);
        }
    }

    private static String utf8(byte[] bytes, int start, int end) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
        } catch (CharacterCodingException e) {
            throw new LineProblem("not valid UTF-8");
        }
    }

    private static TrainingRecord record(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new LineProblem("not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new LineProblem("not readable JSON (" + e.getMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new LineProblem("expected a JSON object, got " + (node == null ? "nothing" : node.getNodeType()
                    .toString().toLowerCase(java.util.Locale.ROOT)));
        }
        if (node.has("messages")) {
            return chat(node.get("messages"));
        }
        if (node.has("prompt") || node.has("completion")) {
            JsonNode prompt = node.get("prompt");
            JsonNode completion = node.get("completion");
            if (prompt == null || !prompt.isTextual()) {
                throw new LineProblem("\"prompt\" must be a string");
            }
            if (completion == null || !completion.isTextual() || completion.asText().isEmpty()) {
                throw new LineProblem("\"completion\" must be a non-empty string");
            }
            return new TrainingRecord.PromptCompletion(prompt.asText(), completion.asText());
        }
        if (node.has("text")) {
            JsonNode text = node.get("text");
            if (!text.isTextual() || text.asText().isBlank()) {
                throw new LineProblem("\"text\" must be a non-empty string");
            }
            return new TrainingRecord.Text(text.asText());
        }
        throw new LineProblem("expected \"prompt\" and \"completion\" strings, \"messages\", or \"text\"");
    }

    private static TrainingRecord chat(JsonNode messages) {
        if (!messages.isArray() || messages.isEmpty()) {
            throw new LineProblem("\"messages\" must be a non-empty array");
        }
        List<ChatTemplate.Message> list = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            JsonNode role = message.get("role");
            JsonNode content = message.get("content");
            if (!message.isObject() || role == null || !role.isTextual() || !ROLES.contains(role.asText())) {
                throw new LineProblem("messages[" + i + "].role must be \"system\", \"user\" or \"assistant\"");
            }
            if (content == null || !content.isTextual()) {
                throw new LineProblem("messages[" + i + "].content must be a string");
            }
            list.add(new ChatTemplate.Message(role.asText(), content.asText()));
        }
        if (!list.get(list.size() - 1).role().equals("assistant")) {
            throw new LineProblem("the last message must be the assistant's (the completion trained on)");
        }
        return new TrainingRecord.Chat(list);
    }
}
