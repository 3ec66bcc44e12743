package dev.aft.augment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {

    @Test
    void normalizationIgnoresCaseSpacesQuotesListMarkersAndFinalPunctuation() {
        assertThat(Normalized.of("  - Femp  are \u201clighter\u201d than GLON. ")).isEqualTo("femp are lighter than glon");
        assertThat(Normalized.of("femp are lighter than glon!")).isEqualTo(Normalized.of("femp are lighter than glon."));
    }

    @Test
    void sentencesOfTheDocumentsAndStatementsKeptBeforeAreDuplicates() {
        Deduplicator deduplicator = new Deduplicator(List.of("Glon are heavier than femp."),
                List.of("voin are taller than swait"));
        assertThat(deduplicator.add("glon are heavier than femp.")).isEqualTo(Deduplicator.Verdict.DUPLICATE_OF_SOURCE);
        assertThat(deduplicator.add("Voin are taller than swait.")).isEqualTo(Deduplicator.Verdict.DUPLICATE);
        assertThat(deduplicator.add("femp are lighter than glon.")).isEqualTo(Deduplicator.Verdict.NEW);
        assertThat(deduplicator.add("Femp are lighter than glon.")).isEqualTo(Deduplicator.Verdict.DUPLICATE);
    }
}
