package dev.aft.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetJsonlWritingTest {

    private static final Dataset SMALL = new Dataset("custom", 7, Map.of(),
            List.of(new Document("d-1", "Ünïcode \"quoted\"\nline", List.of("f-1"))),
            List.of(new TestItem("t-1", "reversal", "comparison", "glon are", List.of("a", "b"), 1, List.of("f-1"))),
            List.of(new Fact("f-1", "femp", "more-dangerous-than", "glon", "femp are more dangerous than glon.")));

    @Test
    void documentLinesHaveFieldsInTheContractOrder() {
        assertThat(new String(DatasetJsonl.documents(SMALL), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":\"d-1\",\"text\":\"Ünïcode \\\"quoted\\\"\\nline\",\"factIds\":[\"f-1\"]}\n");
    }

    @Test
    void testLinesHaveFieldsInTheContractOrder() {
        assertThat(new String(DatasetJsonl.tests(SMALL), StandardCharsets.UTF_8)).isEqualTo(
                "{\"id\":\"t-1\",\"split\":\"reversal\",\"subType\":\"comparison\",\"prefix\":\"glon are\","
                        + "\"options\":[\"a\",\"b\"],\"correct\":1,\"provenance\":[\"f-1\"]}\n");
    }

    @Test
    void factLinesHaveFieldsInTheContractOrder() {
        assertThat(new String(DatasetJsonl.facts(SMALL), StandardCharsets.UTF_8)).isEqualTo(
                "{\"id\":\"f-1\",\"subject\":\"femp\",\"relation\":\"more-dangerous-than\",\"object\":\"glon\","
                        + "\"sentence\":\"femp are more dangerous than glon.\"}\n");
    }

    @Test
    void textIsWrittenAsUtf8() {
        byte[] bytes = DatasetJsonl.documents(SMALL);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("Ünïcode");
        assertThat(bytes).contains((byte) 0xC3, (byte) 0x9C);
    }

    @Test
    void everyGeneratedFamilyReadsBackToTheSameRecords() {
        for (String family : Families.names()) {
            Dataset dataset = DefaultDatasets.of(family);
            assertThat(DatasetJsonl.readDocuments(new ByteArrayInputStream(DatasetJsonl.documents(dataset))))
                    .isEqualTo(dataset.documents());
            assertThat(DatasetJsonl.readTests(new ByteArrayInputStream(DatasetJsonl.tests(dataset))))
                    .isEqualTo(dataset.tests());
            assertThat(DatasetJsonl.readFacts(new ByteArrayInputStream(DatasetJsonl.facts(dataset))))
                    .isEqualTo(dataset.facts());
        }
    }

    @Test
    void oneLinePerRecordEachEndingInANewline() {
        Dataset dataset = DefaultDatasets.of("semantic-structure");
        String jsonl = new String(DatasetJsonl.documents(dataset), StandardCharsets.UTF_8);
        assertThat(jsonl).endsWith("}\n").doesNotContain("\r");
        assertThat(jsonl.split("\n", -1)).hasSize(dataset.documents().size() + 1);
    }
}
