package dev.aft.augment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PostProcessorTest {

    private final PostProcessor post = new PostProcessor(new ShapeRules(12, 300, 3, "A-Za-z0-9 ,;:'\"()+*=-"),
            new EchoDetector(Templates.local()));

    @Test
    void everyCandidateEndsInExactlyOneCount() {
        Deduplicator deduplicator = new Deduplicator(List.of("It is well known that glon are heavier than femp."),
                List.of());
        PostProcessor.Result result = post.process("""
                femp are lighter than glon.
                - Compared with glon, femp are lighter.
                femp are lighter than glon.
                It is well known that glon are heavier than femp.
                quib are lighter than zorp.
                Statements:
                glon are heavy
                \u00bf\u00bf\u00bf.
                """, deduplicator);
        StepCounts counts = result.counts();
        assertThat(result.kept()).containsExactly("femp are lighter than glon.", "Compared with glon, femp are lighter.");
        assertThat(counts).isEqualTo(new StepCounts(1, 0, 8, 2, 2, 1, 1, 2));
        assertThat(counts.consistent()).isTrue();
    }

    @Test
    void anOutputWithNothingInItIsCountedAsEmpty() {
        PostProcessor.Result result = post.process("   \n", new Deduplicator(List.of(), List.of()));
        assertThat(result.counts()).isEqualTo(new StepCounts(1, 1, 0, 0, 0, 0, 0, 0));
        assertThat(result.counts().plus(result.counts()).outputs()).isEqualTo(2);
    }

    @Test
    void countsAreNamedInPipelineOrder() {
        assertThat(StepCounts.ZERO.asMap().keySet()).containsExactly("outputs", "emptyOutputs", "candidates",
                "droppedEcho", "droppedNotStatement", "droppedDuplicateOfSource", "droppedDuplicate", "kept");
    }
}
