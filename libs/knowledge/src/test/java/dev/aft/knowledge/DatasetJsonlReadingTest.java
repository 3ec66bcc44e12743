package dev.aft.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetJsonlReadingTest {

    private static final String GOOD_TEST =
            "{\"id\":\"t-1\",\"split\":\"reversal\",\"prefix\":\"glon are\",\"options\":[\"a\",\"b\"],\"correct\":0}";

    private static InputStream lines(String... lines) {
        return new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void uploadedDocumentsMayLeaveOutFactIds() {
        List<Document> documents = DatasetJsonl.readDocuments(lines("{\"id\":\"a\",\"text\":\"Hello.\"}", "",
                "{\"id\":\"b\",\"text\":\"World.\",\"factIds\":[\"f-1\"]}"));
        assertThat(documents).containsExactly(new Document("a", "Hello.", List.of()),
                new Document("b", "World.", List.of("f-1")));
    }

    @Test
    void uploadedTestsMayLeaveOutSubTypeAndProvenance() {
        assertThat(DatasetJsonl.readTests(lines(GOOD_TEST)))
                .containsExactly(new TestItem("t-1", "reversal", "", "glon are", List.of("a", "b"), 0, List.of()));
    }

    @Test
    void windowsLineEndsAndAByteOrderMarkAreAccepted() {
        byte[] bytes = ("\uFEFF{\"id\":\"a\",\"text\":\"x\"}\r\n{\"id\":\"b\",\"text\":\"y\"}\r\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(DatasetJsonl.readDocuments(new ByteArrayInputStream(bytes))).hasSize(2);
    }

    @Test
    void missingFieldIsNamedWithItsLineNumber() {
        assertThatThrownBy(() -> DatasetJsonl.readDocuments(lines("{\"id\":\"a\",\"text\":\"x\"}", "{\"id\":\"b\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 2: missing field \"text\"");
    }

    @Test
    void correctIndexOutOfRangeIsExplained() {
        assertThatThrownBy(() -> DatasetJsonl.readTests(lines(GOOD_TEST.replace("\"correct\":0", "\"correct\":2"))))
                .hasMessage("line 1: correct index 2 is out of range: options has 2 entries, so correct must be "
                        + "between 0 and 1");
    }

    @Test
    void duplicateIdNamesBothLines() {
        assertThatThrownBy(() -> DatasetJsonl.readTests(lines(GOOD_TEST, GOOD_TEST.replace("t-1", "t-2"), GOOD_TEST)))
                .hasMessage("line 3: duplicate id \"t-1\" (first used on line 1)");
    }

    @Test
    void invalidJsonIsReportedWithItsLine() {
        assertThatThrownBy(() -> DatasetJsonl.readDocuments(lines("{\"id\":\"a\",\"text\":\"x\"}", "{\"id\": \"b\",")))
                .hasMessageStartingWith("line 2: not valid JSON (");
    }

    @Test
    void lineThatIsNotAnObjectIsRejected() {
        assertThatThrownBy(() -> DatasetJsonl.readDocuments(lines("[1, 2]")))
                .hasMessage("line 1: expected a JSON object, found an array");
    }

    @Test
    void wrongFieldTypesAreExplained() {
        assertThatThrownBy(() -> DatasetJsonl.readTests(lines(GOOD_TEST.replace("\"correct\":0", "\"correct\":\"0\""))))
                .hasMessage("line 1: field \"correct\" must be a whole number, found a string");
        assertThatThrownBy(() -> DatasetJsonl.readTests(lines(GOOD_TEST.replace("[\"a\",\"b\"]", "\"a\""))))
                .hasMessage("line 1: field \"options\" must be an array of strings, found a string");
        assertThatThrownBy(() -> DatasetJsonl.readTests(lines(GOOD_TEST.replace("[\"a\",\"b\"]", "[\"a\",3]"))))
                .hasMessage("line 1: field \"options\" must hold non-empty strings, but item 1 is a number");
    }

    @Test
    void tooFewOrRepeatedOptionsAreRejected() {
        assertThatThrownBy(() -> DatasetJsonl.readTests(lines(GOOD_TEST.replace("[\"a\",\"b\"]", "[\"a\"]"))))
                .hasMessage("line 1: field \"options\" needs at least two options, found 1");
        assertThatThrownBy(() -> DatasetJsonl.readTests(lines(GOOD_TEST.replace("[\"a\",\"b\"]", "[\"a\",\"a\"]"))))
                .hasMessage("line 1: field \"options\" holds the same option twice");
    }

    @Test
    void misspeltFieldIsRejectedRatherThanIgnored() {
        assertThatThrownBy(() -> DatasetJsonl.readDocuments(lines("{\"id\":\"a\",\"text\":\"x\",\"factIDs\":[]}")))
                .hasMessage("line 1: unknown field \"factIDs\"; allowed fields: id, text, factIds");
    }

    @Test
    void emptyIdIsRejected() {
        assertThatThrownBy(() -> DatasetJsonl.readDocuments(lines("{\"id\":\" \",\"text\":\"x\"}")))
                .hasMessage("line 1: field \"id\" must not be empty");
    }

    @Test
    void invalidUtf8IsReportedWithItsLine() {
        byte[] bytes = {'{', '}', '\n', (byte) 0xFF, (byte) 0xFE, '\n'};
        assertThatThrownBy(() -> DatasetJsonl.readDocuments(new ByteArrayInputStream(bytes)))
                .hasMessage("line 1: missing field \"id\"");
        byte[] second = {'{', '"', 'i', 'd', '"', ':', '"', 'a', '"', ',', '"', 't', 'e', 'x', 't', '"', ':', '"',
            'x', '"', '}', '\n', (byte) 0xFF, '\n'};
        assertThatThrownBy(() -> DatasetJsonl.readDocuments(new ByteArrayInputStream(second)))
                .hasMessage("line 2: not valid UTF-8 text");
    }
}
