package dev.aft.augment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementParserTest {

    @Test
    void oneCandidatePerSentenceOfEachLineWithListMarkersRemoved() {
        String output = """
                glon are heavier than femp.
                - femp are lighter than glon. Both are nonsense words.
                2) voin are taller than swait
                * 
                (3) an unfinished""";
        assertThat(StatementParser.candidates(output)).containsExactly(
                "glon are heavier than femp.",
                "femp are lighter than glon.",
                "Both are nonsense words.",
                "voin are taller than swait",
                "an unfinished");
    }

    @Test
    void blankOutputHasNoCandidate() {
        assertThat(StatementParser.candidates("")).isEmpty();
        assertThat(StatementParser.candidates("\n \n\t")).isEmpty();
    }
}
