package dev.aft.augment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.knowledge.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextSelectorTest {

    private static Document doc(String id, String text) {
        return new Document(id, text, List.of());
    }

    private final Document focus = doc("f", "All glon are yomp. Some troff are glon.");
    private final List<Document> others = List.of(
            doc("a", "No brep are smet."),                       // shares nothing
            doc("b", "All yomp are troff and glon are old."),    // shares glon, yomp, troff
            doc("c", "Some glon are blue."),                     // shares glon
            doc("d", "The troff are tall, and the yomp too."));  // shares troff, yomp

    @Test
    void documentsSharingTheMostWordsComeFirstAndTheSelectionKeepsCorpusOrder() {
        List<Document> selected = ContextSelector.select(focus, others, d -> 10, 25);
        assertThat(selected).extracting(Document::id).containsExactly("b", "d");
    }

    @Test
    void aDocumentThatDoesNotFitIsSkippedAndSmallerOnesAfterItStillGoIn() {
        List<Document> selected = ContextSelector.select(focus, others, d -> d.id().equals("d") ? 100 : 10, 25);
        assertThat(selected).extracting(Document::id).containsExactly("b", "c");
    }

    @Test
    void whenEverythingFitsEverythingIsSelectedAndAZeroBudgetSelectsNothing() {
        assertThat(ContextSelector.select(focus, others, d -> 10, 1000)).hasSize(4);
        assertThat(ContextSelector.select(focus, others, d -> 10, 0)).isEmpty();
    }

    @Test
    void functionWordsAndShortWordsDoNotCount() {
        assertThat(ContextSelector.words("The glon are more dangerous than a femp, and it is so."))
                .containsExactlyInAnyOrder("glon", "dangerous", "femp");
    }
}
