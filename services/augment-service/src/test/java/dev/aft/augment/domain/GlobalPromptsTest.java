package dev.aft.augment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.Families;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlobalPromptsTest {

    private final Dataset dataset = Families.generator("simple-syllogisms").generate(Map.of("examples", 20), 4);
    private final PromptTemplate template = Templates.global();
    private final TokenEstimate estimate = new TokenEstimate(0.5, 0.0);

    @Test
    void aCorpusThatFitsIsCarriedWholeAroundEachFocusDocument() {
        List<PromptSpec> prompts = GlobalPrompts.build(dataset.documents(), template, estimate, 100_000);
        assertThat(prompts).hasSize(20);
        PromptSpec first = prompts.get(0);
        assertThat(first.id()).isEqualTo("global:d-0001");
        assertThat(first.documentIds()).containsExactly("d-0001");
        assertThat(first.context().limited()).isFalse();
        assertThat(first.context().selected()).isEqualTo(19);
        assertThat(first.context().selectedIds()).doesNotContain("d-0001");
        assertThat(first.text()).contains("<document id=\"d-0020\">").contains("Focus document:\n<document id=\"d-0001\">")
                .endsWith("Statements:\n");
        assertThat(estimate.tokens(first.text())).isLessThanOrEqualTo(first.context().estimatedTokens());
    }

    @Test
    void aCorpusOverTheBudgetGetsTheDocumentsThatFitRecordedAndNeverCutMidDocument() {
        int whole = GlobalPrompts.build(dataset.documents(), template, estimate, 100_000).get(0).context()
                .estimatedTokens();
        int budget = whole / 2;
        List<PromptSpec> prompts = GlobalPrompts.build(dataset.documents(), template, estimate, budget);
        for (PromptSpec prompt : prompts) {
            assertThat(prompt.context().limited()).isTrue();
            assertThat(prompt.context().selected()).isBetween(1, 18);
            assertThat(prompt.context().estimatedTokens()).isLessThanOrEqualTo(budget);
            assertThat(estimate.tokens(prompt.text())).isLessThanOrEqualTo(budget);
            for (Document document : dataset.documents()) {
                boolean inContext = prompt.context().selectedIds().contains(document.id());
                boolean isFocus = prompt.documentIds().contains(document.id());
                assertThat(prompt.text().contains(document.text())).as(document.id()).isEqualTo(inContext || isFocus);
            }
        }
    }

    @Test
    void aFocusDocumentThatCannotFitEvenAloneGivesAPromptWithNoText() {
        PromptSpec prompt = GlobalPrompts.build(dataset.documents(), template, estimate, 20).get(3);
        assertThat(prompt.overContext()).isTrue();
        assertThat(prompt.context().selected()).isZero();
        assertThat(prompt.id()).isEqualTo("global:d-0004");
    }

    @Test
    void localPromptsAreOnePerSentenceWithTheSentenceDelimited() {
        List<PromptSpec> prompts = LocalPrompts.build(dataset.documents().subList(0, 2), Templates.local());
        assertThat(prompts).extracting(PromptSpec::id)
                .containsExactly("local:d-0001:0", "local:d-0001:1", "local:d-0002:0", "local:d-0002:1");
        assertThat(prompts.get(1).sentenceIndex()).isEqualTo(1);
        assertThat(prompts.get(1).documentIds()).containsExactly("d-0001");
        String second = dataset.documents().get(0).text().substring(dataset.documents().get(0).text().lastIndexOf(". ") + 2);
        assertThat(prompts.get(1).text()).endsWith("Sentence: <sentence>" + second + "</sentence>\nStatements:\n");
    }
}
