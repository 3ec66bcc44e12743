package dev.aft.knowledge.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.knowledge.DefaultDatasets;
import dev.aft.knowledge.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    @Test
    void splitsAfterTerminalPunctuationFollowedBySpaceWhateverCaseComesNext() {
        assertThat(SentenceSplitter.sentences("glon are heavier than femp. voin are taller than swait! Is it? yes."))
                .containsExactly("glon are heavier than femp.", "voin are taller than swait!", "Is it?", "yes.");
    }

    @Test
    void keepsTheSyllogismContextWithItsFirstPremise() {
        assertThat(SentenceSplitter.sentences(
                "The relationships between juzul, brep and smet are: All smet are juzul. No brep are juzul."))
                .containsExactly("The relationships between juzul, brep and smet are: All smet are juzul.",
                        "No brep are juzul.");
    }

    @Test
    void lineBreaksAlwaysEndASentenceAndListMarkersStay() {
        assertThat(SentenceSplitter.sentences("Facts about the zesol.\n- A zesol is a type of chub.\n\n- A zesol is zaid"))
                .containsExactly("Facts about the zesol.", "- A zesol is a type of chub.", "- A zesol is zaid");
    }

    @Test
    void noBreakInsideNumbersAbbreviationsOrAfterInitials() {
        assertThat(SentenceSplitter.sentences("It weighs 3.5 kg, e.g. a stone. J. Smith said so (i.e. twice). Done."))
                .containsExactly("It weighs 3.5 kg, e.g. a stone.", "J. Smith said so (i.e. twice).", "Done.");
    }

    @Test
    void closingQuotesAndBracketsStayWithTheirSentence() {
        assertThat(SentenceSplitter.sentences("He said \"glon are old.\" Then (it ended.) Fine?!  Next"))
                .containsExactly("He said \"glon are old.\"", "Then (it ended.)", "Fine?!", "Next");
    }

    @Test
    void spansPointAtTheSentencesInTheOriginalText() {
        String text = "  first one.   second one?\n third ";
        List<Sentence> sentences = SentenceSplitter.split(text);
        assertThat(sentences).extracting(Sentence::index).containsExactly(0, 1, 2);
        for (Sentence sentence : sentences) {
            assertThat(text.substring(sentence.start(), sentence.end())).isEqualTo(sentence.text());
        }
        assertThat(SentenceSplitter.split("   \n\n ")).isEmpty();
        assertThat(SentenceSplitter.split("")).isEmpty();
    }

    @Test
    void everySimpleReversalsArticleIsOneSentence() {
        for (Document document : DefaultDatasets.of("simple-reversals").documents()) {
            assertThat(SentenceSplitter.sentences(document.text())).as(document.text()).containsExactly(document.text());
        }
    }
}
