package dev.aft.reference.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.Families;
import dev.aft.knowledge.text.SentenceSplitter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Local augmentation answers depend on reading facts out of sentences in each family's wordings: every fact a
 * document states must be found in its sentences (this also catches a wording libs/knowledge adds later).
 */
class SentenceRecognitionTest {

    @ParameterizedTest
    @ValueSource(strings = {CurriculumWorlds.REVERSALS, CurriculumWorlds.SYLLOGISMS, CurriculumWorlds.SEMANTIC,
            CurriculumWorlds.CELEBRITIES})
    void everyFactADocumentStatesIsRestatedFromItsSentences(String family) {
        Dataset dataset = Families.generator(family).generate(Map.of(), 77);
        CurriculumWorld world = CurriculumWorlds.of(dataset);
        for (Document document : dataset.documents()) {
            Set<String> restated = new LinkedHashSet<>();
            for (String sentence : SentenceSplitter.sentences(document.text())) {
                restated.addAll(world.restatements(sentence));
            }
            for (String factId : document.factIds()) {
                String canonical = world.fact(factId).sentence();
                assertThat(restated).as(document.text()).anyMatch(line -> sameClaim(line, canonical));
            }
        }
    }

    /** The canonical sentence, or (syllogisms) the same premise; celebrity facts have no period in "sentence". */
    private static boolean sameClaim(String line, String canonical) {
        String a = line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
        String b = canonical.endsWith(".") ? canonical.substring(0, canonical.length() - 1) : canonical;
        return a.equals(b);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Q: What is a glon?", "Facts about the glon.", "The glon is described in this entry."})
    void sentencesWithoutAFactHaveNoRestatements(String sentence) {
        Dataset dataset = Families.generator(CurriculumWorlds.SEMANTIC).generate(Map.of("categories", 20,
                "documents", 30), 5);
        assertThat(CurriculumWorlds.of(dataset).restatements(sentence)).isEqualTo(List.of());
    }
}
