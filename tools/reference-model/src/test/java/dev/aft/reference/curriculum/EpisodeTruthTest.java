package dev.aft.reference.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.knowledge.Seeds;
import dev.aft.reference.ReferenceFixtures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every statement an episode teaches is true in its world, and in-context answers are in the context. */
class EpisodeTruthTest {

    private static final Stage STAGE = Stage.defaults().get(2); // the first stage with augmentation episodes

    @ParameterizedTest
    @ValueSource(strings = {CurriculumWorlds.REVERSALS, CurriculumWorlds.SYLLOGISMS, CurriculumWorlds.SEMANTIC,
            CurriculumWorlds.CELEBRITIES})
    void everyCompletionStatementIsTrueInItsWorld(String family) {
        for (int w = 0; w < 3; w++) {
            long seed = WorldSeeds.curriculum(5, 1, w);
            Random random = Seeds.stream(seed, "test");
            CurriculumWorld world = CurriculumWorlds.generate(family, seed, random, STAGE.sequenceTokens());
            EpisodeBuilder builder = builder(world, random);
            WorldTruth truth = new WorldTruth(world.dataset());
            List<Episode> episodes = new ArrayList<>();
            episodes.addAll(some(builder::inContext));
            episodes.addAll(some(builder::local));
            episodes.addAll(some(builder::global));
            assertThat(episodes).extracting(Episode::kind).contains(EpisodeKind.IN_CONTEXT,
                    EpisodeKind.LOCAL_AUGMENTATION, EpisodeKind.GLOBAL_AUGMENTATION);
            for (Episode episode : episodes) {
                List<String> lines = lines(episode.completion());
                assertThat(lines).isNotEmpty();
                for (String line : lines) {
                    assertThat(truth.isTrue(line)).as("%s in %s world %d: %s", episode.kind(), family, seed, line)
                            .isTrue();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {CurriculumWorlds.REVERSALS, CurriculumWorlds.SYLLOGISMS, CurriculumWorlds.SEMANTIC,
            CurriculumWorlds.CELEBRITIES})
    void everyInContextStatementFollowsFromDocumentsShownInItsContext(String family) {
        long seed = WorldSeeds.curriculum(6, 1, 0);
        Random random = Seeds.stream(seed, "test");
        CurriculumWorld world = CurriculumWorlds.generate(family, seed, random, STAGE.sequenceTokens());
        EpisodeBuilder builder = builder(world, random);
        for (Episode episode : some(builder::inContext)) {
            assertThat(episode.prompt()).startsWith(PromptFormats.INSTRUCTION + "\n\n").endsWith("\n\n");
            for (String line : lines(episode.completion())) {
                Probe probe = world.probes().stream().filter(p -> p.statement().equals(line)).findFirst()
                        .orElseThrow(() -> new AssertionError("not a probe of the world: " + line));
                for (String factId : probe.factIds()) {
                    assertThat(world.documentsStating(factId)).as(line)
                            .anyMatch(d -> episode.prompt().contains("\n" + d.text().strip() + "\n"));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {CurriculumWorlds.REVERSALS, CurriculumWorlds.CELEBRITIES})
    void forwardRestatementsAreAsCommonAsReversals(String family) {
        int forward = 0;
        int reversal = 0;
        for (int w = 0; w < 4; w++) {
            long seed = WorldSeeds.curriculum(7, 1, w);
            Random random = Seeds.stream(seed, "test");
            CurriculumWorld world = CurriculumWorlds.generate(family, seed, random, STAGE.sequenceTokens());
            EpisodeBuilder builder = builder(world, random);
            for (int i = 0; i < 10; i++) {
                for (String line : builder.inContext().map(e -> lines(e.completion())).orElse(List.of())) {
                    ProbeKind kind = world.probes().stream().filter(p -> p.statement().equals(line)).findFirst()
                            .orElseThrow().kind();
                    if (kind == ProbeKind.FORWARD) {
                        forward++;
                    } else if (kind == ProbeKind.REVERSAL) {
                        reversal++;
                    }
                }
            }
        }
        double share = (double) forward / (forward + reversal);
        assertThat(forward + reversal).isGreaterThan(60);
        assertThat(share).as("forward share of %d statements", forward + reversal).isBetween(0.35, 0.65);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void recallLooksUpEveryListedPairOnceAndCopyEpisodesRepeatTheirList(int stage) {
        long seed = WorldSeeds.curriculum(8, stage, 0);
        Random random = Seeds.stream(seed, "test");
        CurriculumWorld world = CurriculumWorlds.generate(CurriculumWorlds.REVERSALS, seed, random, 512);
        EpisodeBuilder builder = new EpisodeBuilder(world, Stage.defaults().get(stage), random,
                text -> ReferenceFixtures.tokenizer().encode(text).length());
        Episode episode = builder.recall();
        List<String> pairs = Arrays.asList(episode.prompt().split("\n"));
        assertThat(pairs.get(0)).isEqualTo(RecallEpisodes.HEADER);
        List<String> lookups = lines(episode.completion());
        assertThat(lookups).isNotEmpty().doesNotHaveDuplicates().allSatisfy(line -> assertThat(pairs).contains(line));
        assertThat(lookups).hasSize(pairs.size() - 1); // the header, then the pairs

        Episode copy = builder.copy();
        List<String> shown = Arrays.asList(copy.prompt().split("\n"));
        assertThat(shown).hasSize(2);
        assertThat(shown.get(0)).isEqualTo(RecallEpisodes.COPY_HEADER);
        assertThat(copy.completion()).isEqualTo(shown.get(1));
        assertThat(copy.completion().split(" ").length).isBetween(2, 2 * Stage.defaults().get(stage).maxPairs());
        assertThat(copy.kind()).isEqualTo(EpisodeKind.COPY);
    }

    @ParameterizedTest
    @ValueSource(strings = {CurriculumWorlds.REVERSALS, CurriculumWorlds.SYLLOGISMS, CurriculumWorlds.SEMANTIC})
    void augmentationAnswersEndWithABlankLineAndRepeatNoPromptMarker(String family) {
        long seed = WorldSeeds.curriculum(9, 1, 0);
        Random random = Seeds.stream(seed, "test");
        CurriculumWorld world = CurriculumWorlds.generate(family, seed, random, STAGE.sequenceTokens());
        EpisodeBuilder builder = builder(world, random);
        List<Episode> episodes = new ArrayList<>(some(builder::local));
        episodes.addAll(some(builder::global));
        for (Episode episode : episodes) {
            assertThat(episode.prompt()).endsWith("Statements:\n");
            assertThat(episode.completion()).endsWith(".\n\n").doesNotContain("<").doesNotContain("Sentence:");
            assertThat(episode.completion().strip()).doesNotContain("\n\n");
        }
    }

    static EpisodeBuilder builder(CurriculumWorld world, Random random) {
        return new EpisodeBuilder(world, STAGE, random, text -> ReferenceFixtures.tokenizer().encode(text).length());
    }

    static List<Episode> some(Supplier<Optional<Episode>> build) {
        List<Episode> episodes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            build.get().ifPresent(episodes::add);
        }
        return episodes;
    }

    static List<String> lines(String completion) {
        return Arrays.stream(completion.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
