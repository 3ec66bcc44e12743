package dev.aft.finetune.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aft.contracts.plan.FineTunePlan;
import dev.aft.contracts.plan.Hyperparameters;
import dev.aft.contracts.plan.SentenceSplitting;
import dev.aft.contracts.plan.TrainingMethod;
import dev.aft.contracts.plan.Condition;
import dev.aft.knowledge.Document;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingSetTest {

    private static final List<Document> DOCUMENTS = List.of(
            new Document("d1", "Zorp is a blick. Every blick is a fram. Mr. Quell owns Zorp.", List.of()),
            new Document("d2", "Tova sees Brin.", List.of()));

    private static final Map<String, List<String>> AUGMENTED = Map.of(
            "local", List.of("A fram called Zorp exists.", "Quell owns a blick."),
            "global", List.of("Brin is seen by Tova."));

    @Test
    void noSplittingGivesOneExamplePerDocument() {
        assertThat(texts(TrainingSet.documentExamples(DOCUMENTS, SentenceSplitting.NONE))).containsExactly(
                "Zorp is a blick. Every blick is a fram. Mr. Quell owns Zorp.", "Tova sees Brin.");
    }

    @Test
    void independentSplittingGivesOneExamplePerSentence() {
        assertThat(texts(TrainingSet.documentExamples(DOCUMENTS, SentenceSplitting.INDEPENDENT))).containsExactly(
                "Zorp is a blick.", "Every blick is a fram.", "Mr. Quell owns Zorp.", "Tova sees Brin.");
    }

    @Test
    void cumulativeSplittingCarriesThePrecedingSentencesOfItsDocument() {
        assertThat(texts(TrainingSet.documentExamples(DOCUMENTS, SentenceSplitting.CUMULATIVE))).containsExactly(
                "Zorp is a blick.",
                "Zorp is a blick. Every blick is a fram.",
                "Zorp is a blick. Every blick is a fram. Mr. Quell owns Zorp.",
                "Tova sees Brin.");
    }

    @Test
    void augmentedStatementsAreTheirOwnExamplesCountedBySource() {
        TrainingSet set = TrainingSet.assemble(DOCUMENTS, SentenceSplitting.INDEPENDENT,
                new java.util.LinkedHashMap<>(Map.of("local", AUGMENTED.get("local"))), 7);
        assertThat(set.bySource()).containsExactly(Map.entry("documents", 4), Map.entry("local", 2));
        assertThat(set.examples()).hasSize(6);
        assertThat(set.examples().stream().filter(e -> e.source().equals("local")).map(TrainingSet.Example::text))
                .containsExactlyInAnyOrder("A fram called Zorp exists.", "Quell owns a blick.");
    }

    @Test
    void jsonlHoldsOneTextLinePerExampleInShuffledOrder() throws IOException {
        TrainingSet set = TrainingSet.assemble(DOCUMENTS, SentenceSplitting.NONE, AUGMENTED, 3);
        String[] lines = new String(set.jsonl(), StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(set.examples().size());
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < lines.length; i++) {
            assertThat(json.readTree(lines[i]).get("text").asText()).isEqualTo(set.examples().get(i).text());
            assertThat(json.readTree(lines[i]).size()).isEqualTo(1);
        }
        assertThat(new String(set.jsonl(), StandardCharsets.UTF_8)).endsWith("\n");
    }

    @Test
    void shuffleIsDeterministicBySeed() {
        TrainingSet a = TrainingSet.assemble(DOCUMENTS, SentenceSplitting.INDEPENDENT, AUGMENTED, 42);
        TrainingSet b = TrainingSet.assemble(DOCUMENTS, SentenceSplitting.INDEPENDENT, AUGMENTED, 42);
        assertThat(a.jsonl()).isEqualTo(b.jsonl());
        boolean anotherOrder = false;
        for (long seed = 1; seed < 20 && !anotherOrder; seed++) {
            anotherOrder = !Arrays.equals(a.jsonl(),
                    TrainingSet.assemble(DOCUMENTS, SentenceSplitting.INDEPENDENT, AUGMENTED, seed).jsonl());
        }
        assertThat(anotherOrder).as("some other seed gives another order").isTrue();
        assertThat(a.examples()).extracting(TrainingSet.Example::text).containsExactlyInAnyOrderElementsOf(
                TrainingSet.assemble(DOCUMENTS, SentenceSplitting.INDEPENDENT, AUGMENTED, 5).examples().stream()
                        .map(TrainingSet.Example::text).toList());
    }

    @Test
    void dataMatchedKeepsThePlannedStepsWhileOtherwiseStepsGrowWithTheSet() {
        Hyperparameters planned = new Hyperparameters(100, 4, 1e-3, TrainingMethod.FULL, null, 1);
        TrainingSet augmented = TrainingSet.assemble(DOCUMENTS, SentenceSplitting.INDEPENDENT, AUGMENTED, 1);
        FineTunePlan matched = new FineTunePlan(List.of(Condition.FT), SentenceSplitting.INDEPENDENT, planned, true);
        FineTunePlan unmatched = new FineTunePlan(List.of(Condition.FT), SentenceSplitting.INDEPENDENT, planned, false);
        assertThat(TrainingRun.hyperparameters(matched, augmented)).isEqualTo(planned);
        assertThat(TrainingRun.hyperparameters(unmatched, augmented).steps()).isEqualTo(175); // 7 examples / 4 documents'
        assertThat(TrainingRun.hyperparameters(unmatched, augmented).batchSize()).isEqualTo(4);
    }

    @Test
    void statementsAreReadFromTheirTextField() {
        byte[] jsonl = "{\"text\":\"Zorp is a fram.\",\"id\":\"s1\"}\n\n{\"text\":\"Brin is seen.\"}\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(TrainingRun.statements(jsonl)).containsExactly("Zorp is a fram.", "Brin is seen.");
    }

    private static List<String> texts(List<TrainingSet.Example> examples) {
        return examples.stream().map(TrainingSet.Example::text).toList();
    }
}
