package dev.aft.model.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingFileParserTest {

    private static List<TrainingRecord> parse(String text) {
        return TrainingFileParser.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> problems(byte[] bytes) {
        return catchThrowableOfType(TrainingFileParser.InvalidTrainingFile.class,
                () -> TrainingFileParser.parse(bytes)).problems();
    }

    @Test
    void theThreeFormatsAreReadAndBlankLinesSkipped() {
        List<TrainingRecord> records = parse("""
                {"prompt": "Glon are", "completion": " heavier than femp."}

                {"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}]}
                {"text": "Femp are lighter than glon."}
                """);
        assertThat(records).containsExactly(
                new TrainingRecord.PromptCompletion("Glon are", " heavier than femp."),
                new TrainingRecord.Chat(List.of(new dev.aft.model.chat.ChatTemplate.Message("user", "Hi"),
                        new dev.aft.model.chat.ChatTemplate.Message("assistant", "Hello"))),
                new TrainingRecord.Text("Femp are lighter than glon."));
    }

    @Test
    void everyProblemNamesItsLine() {
        byte[] bytes = ("{\"text\": \"fine\"}\n"
                + "{\"prompt\": \"a\"}\n"
                + "not json\n"
                + "[1, 2]\n"
                + "{\"messages\": [{\"role\": \"user\", \"content\": \"only a question\"}]}\n"
                + "{\"other\": 1}\n").getBytes(StandardCharsets.UTF_8);
        assertThat(problems(bytes)).containsExactly(
                "line 2: \"completion\" must be a non-empty string",
                "line 3: not valid JSON (Unrecognized token 'not': was expecting (JSON String, Number, Array, Object"
                        + " or token 'null', 'true' or 'false'))",
                "line 4: expected a JSON object, got array",
                "line 5: the last message must be the assistant's (the completion trained on)",
                "line 6: expected \"prompt\" and \"completion\" strings, \"messages\", or \"text\"");
    }

    @Test
    void invalidUtf8AndEmptyFilesAreRejected() {
        byte[] bytes = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, '"', '}'};
        assertThat(problems(bytes)).containsExactly("line 1: not valid UTF-8");
        assertThat(problems("\n\n".getBytes(StandardCharsets.UTF_8)))
                .containsExactly("the file holds no examples (one JSON object per line)");
    }
}
