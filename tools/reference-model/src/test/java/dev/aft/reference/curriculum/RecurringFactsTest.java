package dev.aft.reference.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.knowledge.TestItem;
import dev.aft.lm.training.TrainingExample;
import dev.aft.reference.ReferenceFixtures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class RecurringFactsTest {

    private static final ToIntFunction<String> TOKENS = text -> ReferenceFixtures.tokenizer().encode(text).length();

    @Test
    void theFactsAreFixedByTheRunSeedAndComeFromCurriculumSeedsNoStageUses() {
        RecurringFacts facts = RecurringFacts.of(1);
        assertThat(RecurringFacts.of(1).asked()).isEqualTo(facts.asked());
        assertThat(RecurringFacts.of(2).asked()).isNotEqualTo(facts.asked());
        for (int index = 0; index < 2; index++) {
            long seed = WorldSeeds.recurring(1, index);
            assertThat(WorldSeeds.isCurriculum(seed)).isTrue();
            for (int stage = 0; stage < 8; stage++) {
                for (long world = 0; world < 1_000; world++) {
                    assertThat(WorldSeeds.curriculum(1, stage, world)).isNotEqualTo(seed);
                }
            }
        }
    }

    @Test
    void halfOfTheForwardFactsAreStatedAndTheOtherHalfOnlyInDocuments() {
        RecurringFacts facts = RecurringFacts.of(1);
        assertThat(facts.asked()).hasSize((RecurringFacts.REVERSAL_FACTS + RecurringFacts.SYLLOGISM_EXAMPLES) / 2);
        assertThat(facts.unasked()).hasSize(facts.asked().size());
        Set<String> askedIds = new HashSet<>(facts.asked().stream().map(TestItem::id).toList());
        assertThat(facts.unasked()).noneMatch(item -> askedIds.contains(item.id()));
        assertThat(facts.asked()).extracting(TestItem::split).containsOnly("forward");
        // Every unasked fact is stated by some document: that is where the model can learn it from.
        for (TestItem item : facts.unasked()) {
            String answer = item.options().get(item.correct());
            assertThat(facts.documents()).as(RecurringFacts.statement(item)).anyMatch(d -> d.contains(answer));
        }
    }

    @Test
    void anEpisodeHoldsOnlyDocumentsAndAskedStatementsNeverAReversalOrAHeldOutWording() {
        RecurringFacts facts = RecurringFacts.of(1);
        Set<String> allowed = new HashSet<>(facts.documents());
        facts.asked().forEach(item -> allowed.add(RecurringFacts.statement(item)));
        Set<String> unasked = new HashSet<>(facts.unasked().stream().map(RecurringFacts::statement).toList());
        Random random = new Random(5);
        int documents = 0;
        int statements = 0;
        for (int i = 0; i < 50; i++) {
            Episode episode = facts.episode(random, 300, TOKENS).orElseThrow();
            assertThat(episode.kind()).isEqualTo(EpisodeKind.RECURRING);
            assertThat(episode.prompt()).isEmpty();
            assertThat(TOKENS.applyAsInt(episode.text())).isLessThanOrEqualTo(300);
            assertThat(HeldOutTemplates.usesHeldOutWording(episode.text())).isFalse();
            for (String line : episode.completion().split("\n")) {
                assertThat(allowed).as(line).contains(line);
                assertThat(unasked).doesNotContain(line);
                if (facts.documents().contains(line)) {
                    documents++;
                } else {
                    statements++;
                }
            }
        }
        assertThat(documents).isPositive();
        assertThat(statements).isPositive();
        assertThat(facts.episode(new Random(5), 3, TOKENS)).isEmpty();
    }

    @Test
    void aStageWithARecurringShareGetsItAndAStageWithoutNone() {
        Stage base = Stage.defaults().get(2);
        Stage with = base.withMix(new Curriculum.Mix(0.1, 0.4, 0.1, 0.05, 0.1, 0.05, 0, 0.2, 0));
        EpisodeEncoder encoder = new EpisodeEncoder(ReferenceFixtures.tokenizer(), with.sequenceTokens());
        List<Episode> recurring = new ArrayList<>();
        Map<EpisodeKind, Long> tokens = new Curriculum(1, TOKENS).generate(2, with, 60_000, e -> {
            if (e.kind() == EpisodeKind.RECURRING) {
                recurring.add(e);
            }
            return encoder.encode(e).map(TrainingExample::length).orElse(0);
        });
        double total = tokens.values().stream().mapToLong(Long::longValue).sum();
        assertThat(tokens.get(EpisodeKind.RECURRING) / total).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.05));
        assertThat(recurring).allSatisfy(e -> assertThat(WorldSeeds.isCurriculum(e.seed())).isTrue());

        Map<EpisodeKind, Long> none = new Curriculum(1, TOKENS).generate(2, base, 20_000,
                e -> encoder.encode(e).map(TrainingExample::length).orElse(0));
        assertThat(none.get(EpisodeKind.RECURRING)).isZero();
    }
}
