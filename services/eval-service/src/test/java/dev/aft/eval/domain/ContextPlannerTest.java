package dev.aft.eval.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aft.contracts.plan.IclContext;
import dev.aft.contracts.plan.IclOptions;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.TestItem;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Context selection against a stand-in token counter: one token per word, a hard context limit. */
class ContextPlannerTest {

    private static final List<TestItem> ITEMS = List.of(
            new TestItem("t-1", "reversal", "", "femp are", List.of("lighter than glon", "heavier than glon"), 0, List.of()),
            new TestItem("t-2", "reversal", "", "yomp are", List.of("older than brep", "younger than brep"), 0, List.of()));

    private final List<String> counted = new ArrayList<>();

    private TokenCounter words(int limit) {
        return text -> {
            counted.add(text);
            int n = text.isBlank() ? 0 : text.strip().split("\\s+").length;
            return n > limit ? OptionalInt.empty() : OptionalInt.of(n);
        };
    }

    private static List<Document> documents(int n) {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            documents.add(new Document("d-" + i, "word" + i + " filler filler", List.of()));
        }
        return documents;
    }

    @Test
    void allDocumentsFitAndAreSharedByEveryItem() {
        ContextPlanner planner = new ContextPlanner("Read this.", 100, 2, words(100));
        Function<TestItem, InContext> plan = planner.plan(documents(5), IclOptions.defaults(), ITEMS, "tiny");
        InContext context = plan.apply(ITEMS.get(0));
        assertThat(plan.apply(ITEMS.get(1))).isSameAs(context);
        assertThat(context.documents()).isEqualTo(5);
        assertThat(context.tokens()).isEqualTo(2 + 15);
        assertThat(context.text()).startsWith("Read this.\n\nword0 filler filler\nword1").endsWith("word4 filler filler\n\n");
    }

    @Test
    void allDocumentsThatDoNotFitFailInsteadOfBeingTruncated() {
        ContextPlanner planner = new ContextPlanner("", 40, 2, words(40));
        assertThatThrownBy(() -> planner.plan(documents(20), IclOptions.defaults(), ITEMS, "tiny"))
                .isInstanceOf(EvaluationFailure.class)
                .hasMessageContaining("all 20 training documents").hasMessageContaining("refusing to truncate")
                .hasMessageContaining("context of 40 tokens");
    }

    @Test
    void aSubsampleKeepsEveryKthDocumentOfASeededShuffleInDatasetOrder() {
        List<Document> documents = documents(16);
        List<Document> first = ContextPlanner.subsample(documents, 4, 7);
        assertThat(first).hasSize(4).isEqualTo(ContextPlanner.subsample(documents, 4, 7));
        assertThat(first).isSortedAccordingTo((a, b) -> documents.indexOf(a) - documents.indexOf(b));
        assertThat(ContextPlanner.subsample(documents, 4, 8)).isNotEqualTo(first);
        assertThat(ContextPlanner.subsample(documents, 1, 7)).isEqualTo(documents);

        ContextPlanner planner = new ContextPlanner("", 100, 2, words(100));
        InContext context = planner.plan(documents, new IclOptions(IclContext.SUBSAMPLE, 4, 7), ITEMS, "tiny")
                .apply(ITEMS.get(0));
        assertThat(context.documents()).isEqualTo(4);
        assertThat(context.tokens()).isEqualTo(12);
    }

    @Test
    void retrievalPutsTheDocumentsSharingTheQuestionsRareWordsFirstWithinTheBudget() {
        List<Document> documents = List.of(
                new Document("d-0", "brep are smaller than yomp and more", List.of()),
                new Document("d-1", "glon are heavier than femp and more", List.of()),
                new Document("d-2", "nothing are than shared at all", List.of()),
                new Document("d-3", "femp are loud and more than ever", List.of()));
        assertThat(new Retrieval(documents).rank(ITEMS.get(0))).containsExactly(1, 3);
        IclOptions retrieve = new IclOptions(IclContext.RETRIEVE, 1, 1);
        // budget: 30 - 5 (longest question + option) - 2 reserved = 23 tokens: both sharing documents fit
        InContext both = new ContextPlanner("", 30, 2, words(30)).plan(documents, retrieve, ITEMS, "tiny")
                .apply(ITEMS.get(0));
        assertThat(both.documents()).isEqualTo(2);
        assertThat(both.tokens()).isEqualTo(14);
        assertThat(both.text()).isEqualTo("glon are heavier than femp and more\nfemp are loud and more than ever\n\n");
        // budget 13: only the best one
        InContext best = new ContextPlanner("", 20, 2, words(20)).plan(documents, retrieve, ITEMS, "tiny")
                .apply(ITEMS.get(0));
        assertThat(best.text()).isEqualTo("glon are heavier than femp and more\n\n");
    }
}
