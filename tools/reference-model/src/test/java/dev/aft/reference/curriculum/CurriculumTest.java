package dev.aft.reference.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aft.lm.training.TrainingExample;
import dev.aft.reference.ReferenceFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CurriculumTest {

    private static final long BUDGET = 40_000;

    private static Curriculum curriculum(long seed) {
        return new Curriculum(seed, text -> ReferenceFixtures.tokenizer().encode(text).length());
    }

    private static List<Episode> episodes(long seed, int stageIndex, long budget) {
        List<Episode> episodes = new ArrayList<>();
        EpisodeEncoder encoder = new EpisodeEncoder(ReferenceFixtures.tokenizer(), 1024);
        curriculum(seed).generate(stageIndex, Stage.defaults().get(stageIndex), budget, e -> {
            episodes.add(e);
            return encoder.encode(e).map(TrainingExample::length).orElse(0);
        });
        return episodes;
    }

    @Test
    void aStageWhoseEpisodesCannotFitItsSequencesIsRefusedInsteadOfLoopingForever() {
        // Local-augmentation prompts take ~200 tokens; the sink, like pretraining's encoder, drops what does not fit.
        Stage tooShort = new Stage("too-short", 1.0, 64, 4, new Curriculum.Mix(0.5, 0, 0, 0, 0.5, 0), 1, 2, 0, 1, 2, 2, 4);
        EpisodeEncoder encoder = new EpisodeEncoder(ReferenceFixtures.tokenizer(), 64);
        assertThatThrownBy(() -> curriculum(3).generate(0, tooShort, BUDGET,
                e -> encoder.encode(e).map(TrainingExample::length).orElse(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Stage 'too-short'").hasMessageContaining("LOCAL_AUGMENTATION")
                .hasMessageContaining("64-token sequences");
    }

    @Test
    void theSameSeedGivesTheSameEpisodesInTheSameOrder() {
        assertThat(episodes(3, 1, BUDGET)).isEqualTo(episodes(3, 1, BUDGET));
    }

    @Test
    void anotherSeedGivesOtherWorlds() {
        List<Episode> a = episodes(3, 0, 10_000);
        List<Episode> b = episodes(4, 0, 10_000);
        assertThat(a.get(0).seed()).isNotEqualTo(b.get(0).seed());
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void everyEpisodeFitsItsStageAndComesFromACurriculumWorld() {
        List<Stage> stages = Stage.defaults();
        for (int s = 0; s < stages.size(); s++) {
            Stage stage = stages.get(s);
            EpisodeEncoder encoder = new EpisodeEncoder(ReferenceFixtures.tokenizer(), stage.sequenceTokens());
            List<Integer> dropped = new ArrayList<>();
            curriculum(11).generate(s, stage, BUDGET, e -> {
                assertThat(WorldSeeds.isCurriculum(e.seed())).as("seed %d", e.seed()).isTrue();
                Optional<TrainingExample> example = encoder.encode(e);
                if (example.isEmpty()) {
                    dropped.add(1);
                    return 0;
                }
                assertThat(example.get().length()).isLessThanOrEqualTo(stage.sequenceTokens());
                return example.get().length();
            });
            assertThat(dropped).as("episodes of stage %s longer than %d tokens", stage.name(), stage.sequenceTokens())
                    .isEmpty();
        }
    }

    @Test
    void noEpisodeShowsAHeldOutWording() {
        for (int s = 0; s < Stage.defaults().size(); s++) {
            for (Episode episode : episodes(12, s, BUDGET)) {
                assertThat(HeldOutTemplates.usesHeldOutWording(episode.text())).as(episode.text()).isFalse();
            }
        }
    }

    @Test
    void eachStageKeepsCloseToItsMix() {
        Stage stage = Stage.defaults().get(2);
        EpisodeEncoder encoder = new EpisodeEncoder(ReferenceFixtures.tokenizer(), stage.sequenceTokens());
        Map<EpisodeKind, Long> tokens = curriculum(13).generate(2, stage, 150_000,
                e -> encoder.encode(e).map(TrainingExample::length).orElse(0));
        double total = tokens.values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).isGreaterThanOrEqualTo(150_000);
        for (EpisodeKind kind : EpisodeKind.values()) {
            assertThat(tokens.get(kind) / total).as(kind.name()).isCloseTo(stage.mix().weight(kind),
                    org.assertj.core.data.Offset.offset(0.05));
        }
    }

    @Test
    void inContextEpisodesGrowFromOneOrTwoDocumentsToLongContexts() {
        List<Integer> shortDocuments = documentCounts(episodes(14, 0, BUDGET));
        List<Integer> longDocuments = documentCounts(episodes(14, Stage.defaults().size() - 1, 120_000));
        assertThat(shortDocuments).isNotEmpty().allSatisfy(n -> assertThat(n).isBetween(1, 2));
        assertThat(longDocuments.stream().mapToInt(Integer::intValue).max().orElse(0)).isGreaterThan(20);
    }

    /** Documents in context, for families whose documents are one line each. */
    private static List<Integer> documentCounts(List<Episode> episodes) {
        return episodes.stream().filter(e -> e.kind() == EpisodeKind.IN_CONTEXT)
                .filter(e -> List.of(CurriculumWorlds.REVERSALS, CurriculumWorlds.SYLLOGISMS,
                        CurriculumWorlds.CELEBRITIES).contains(e.family()))
                .map(e -> e.prompt().strip().split("\n\n", 2)[1].split("\n").length).toList();
    }

    @Test
    void localComparisonEpisodesAreLocalPromptsOfComparisonWorldsWhoseAnswerTurnsTheComparative() {
        Stage stage = Stage.defaults().get(2).withMix(new Curriculum.Mix(0.1, 0.4, 0.05, 0.05, 0.1, 0.05, 0.25, 0, 0));
        List<Episode> comparisons = new ArrayList<>();
        assertThat(shareOf(EpisodeKind.LOCAL_COMPARISONS, stage, 15, comparisons)).isCloseTo(0.25,
                org.assertj.core.data.Offset.offset(0.05));
        assertThat(comparisons).isNotEmpty().allSatisfy(e -> {
            assertThat(e.family()).isEqualTo(CurriculumWorlds.REVERSALS);
            assertThat(e.prompt()).startsWith(PromptFormats.local("x").substring(0, 20));
        });
        // Some answer reverses a one-word comparative into its opposite, e.g. "b are narrower than a".
        assertThat(comparisons).anyMatch(e -> {
            String[] lines = e.completion().split("\n");
            return lines.length >= 2 && lines[0].contains(" than ") && !lines[0].contains(" more ")
                    && !lines[0].contains(" less ") && !lines[0].split(" are ")[1].split(" than ")[0]
                    .equals(lines[1].split(" are ")[1].split(" than ")[0]);
        });
    }

    @Test
    void inContextComparisonEpisodesAreInContextPromptsOfComparisonWorldsAskingBothDirections() {
        Stage stage = Stage.defaults().get(2).withMix(new Curriculum.Mix(0.1, 0.2, 0.05, 0.05, 0.1, 0.05, 0.1, 0, 0.35));
        List<Episode> comparisons = new ArrayList<>();
        assertThat(shareOf(EpisodeKind.IN_CONTEXT_COMPARISONS, stage, 16, comparisons)).isCloseTo(0.35,
                org.assertj.core.data.Offset.offset(0.05));
        assertThat(comparisons).isNotEmpty().allSatisfy(e -> {
            assertThat(e.family()).isEqualTo(CurriculumWorlds.REVERSALS);
            assertThat(e.prompt()).startsWith(PromptFormats.INSTRUCTION);
            // Every statement's fact is in the context, in the order of the statement or reversed.
            for (String statement : e.completion().split("\n")) {
                String[] sides = statement.split(" are | than ");
                assertThat(sides).hasSize(3);
                assertThat(e.prompt().contains(sides[0] + " are ") && e.prompt().contains(" than " + sides[2])
                        || e.prompt().contains(sides[2] + " are ") && e.prompt().contains(" than " + sides[0]))
                        .as(statement).isTrue();
            }
        });
        // Both the stated order (forward) and the reversal are asked.
        List<String> statements = comparisons.stream().flatMap(e -> java.util.Arrays.stream(e.completion().split("\n"))
                .map(line -> e.prompt().contains(line) ? "forward" : "reversal")).toList();
        assertThat(statements).contains("forward", "reversal");
        assertThat(java.util.Collections.frequency(statements, "forward") / (double) statements.size())
                .isBetween(0.3, 0.7);
    }

    /**
     * Generates 80,000 tokens of stage index 2 with {@code stage}'s settings from run seed {@code seed}, collects the
     * episodes of {@code kind} into {@code collected} and returns that kind's share of the tokens.
     */
    private static double shareOf(EpisodeKind kind, Stage stage, long seed, List<Episode> collected) {
        EpisodeEncoder encoder = new EpisodeEncoder(ReferenceFixtures.tokenizer(), stage.sequenceTokens());
        Map<EpisodeKind, Long> tokens = curriculum(seed).generate(2, stage, 80_000, e -> {
            if (e.kind() == kind) {
                collected.add(e);
            }
            return encoder.encode(e).map(TrainingExample::length).orElse(0);
        });
        double total = tokens.values().stream().mapToLong(Long::longValue).sum();
        return tokens.get(kind) / total;
    }
}
