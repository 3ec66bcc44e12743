package dev.aft.reference.curriculum;

import dev.aft.knowledge.Seeds;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.ToIntFunction;

/**
 * The pretraining curriculum: for each stage, worlds drawn from curriculum seeds ({@link WorldSeeds}), each
 * giving {@value #EPISODES_PER_WORLD} episodes whose kinds keep the stage's tokens close to the stage's
 * {@link Mix}. A pure function of the run seed, the stage and the tokenizer: the same inputs give the same
 * episodes in the same order.
 */
public final class Curriculum {

    static final int EPISODES_PER_WORLD = 16;

    /** Episodes in a row that may come back empty or untaken before the stage is called impossible. */
    static final int MAX_FRUITLESS = 2_000;

    /** Share of each stage's tokens per episode kind. */
    public record Mix(double documents, double inContext, double recall, double copy, double local, double global) {

        public Mix {
            for (double w : new double[] {documents, inContext, recall, copy, local, global}) {
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("Mix weights must be >= 0");
                }
            }
            if (documents + inContext + recall + copy + local + global <= 0) {
                throw new IllegalArgumentException("At least one mix weight must be positive");
            }
        }

        double weight(EpisodeKind kind) {
            return switch (kind) {
                case DOCUMENTS -> documents;
                case IN_CONTEXT -> inContext;
                case RECALL -> recall;
                case COPY -> copy;
                case LOCAL_AUGMENTATION -> local;
                case GLOBAL_AUGMENTATION -> global;
            };
        }
    }

    /** Takes an episode; returns the tokens it takes in training, or 0 when it was dropped. */
    @FunctionalInterface
    public interface EpisodeSink {
        int accept(Episode episode);
    }

    private final long runSeed;
    private final ToIntFunction<String> counter;

    /** @param counter tokens of a piece of text (no BOS), to size episodes */
    public Curriculum(long runSeed, ToIntFunction<String> counter) {
        this.runSeed = runSeed;
        this.counter = counter;
    }

    /**
     * Feeds episodes of stage {@code index} to {@code sink} until it has taken {@code tokenBudget} tokens.
     *
     * @return tokens taken per episode kind
     */
    public Map<EpisodeKind, Long> generate(int index, Stage stage, long tokenBudget, EpisodeSink sink) {
        Map<EpisodeKind, Long> tokens = new EnumMap<>(EpisodeKind.class);
        for (EpisodeKind kind : EpisodeKind.values()) {
            tokens.put(kind, 0L);
        }
        long total = 0;
        int fruitless = 0;
        for (long worldIndex = 0; total < tokenBudget; worldIndex++) {
            long seed = WorldSeeds.curriculum(runSeed, index, worldIndex);
            Random random = Seeds.stream(seed, "curriculum-episodes");
            CurriculumWorld world = CurriculumWorlds.generate(CurriculumWorlds.drawFamily(random), seed, random,
                    stage.sequenceTokens());
            EpisodeBuilder builder = new EpisodeBuilder(world, stage, random, counter);
            for (int e = 0; e < EPISODES_PER_WORLD && total < tokenBudget; e++) {
                EpisodeKind kind = neediest(stage.mix(), tokens, total);
                if (kind != EpisodeKind.DOCUMENTS && kind != EpisodeKind.RECALL && kind != EpisodeKind.COPY
                        && !world.hasEpisodes()) {
                    break; // a documents-only world gives documents while they are what the mix lacks most
                }
                Optional<Episode> episode = build(builder, kind);
                int taken = episode.isEmpty() ? 0 : sink.accept(episode.get());
                if (taken == 0) {
                    // The kind the mix lacks most stays the one asked for, so a kind that never fits would loop.
                    if (++fruitless >= MAX_FRUITLESS) {
                        throw new IllegalArgumentException("Stage '" + stage.name() + "': " + MAX_FRUITLESS
                                + " episodes in a row were not taken, the last ones of kind " + kind + "; such"
                                + " episodes do not fit " + stage.sequenceTokens() + "-token sequences. Give the stage"
                                + " longer sequences or that kind a mix share of 0");
                    }
                    continue;
                }
                fruitless = 0;
                tokens.merge(kind, (long) taken, Long::sum);
                total += taken;
            }
        }
        return tokens;
    }

    /** The kind furthest below its share of the tokens so far. */
    private static EpisodeKind neediest(Mix mix, Map<EpisodeKind, Long> tokens, long total) {
        EpisodeKind best = null;
        double bestDeficit = Double.NEGATIVE_INFINITY;
        for (EpisodeKind kind : EpisodeKind.values()) {
            double weight = mix.weight(kind);
            if (weight <= 0) {
                continue;
            }
            double deficit = weight * (total + 1) - tokens.get(kind);
            if (deficit > bestDeficit) {
                bestDeficit = deficit;
                best = kind;
            }
        }
        return best;
    }

    private static Optional<Episode> build(EpisodeBuilder builder, EpisodeKind kind) {
        return switch (kind) {
            case DOCUMENTS -> builder.documents();
            case IN_CONTEXT -> builder.inContext();
            case RECALL -> Optional.of(builder.recall());
            case COPY -> Optional.of(builder.copy());
            case LOCAL_AUGMENTATION -> builder.local();
            case GLOBAL_AUGMENTATION -> builder.global();
        };
    }

    /** Every family a curriculum world may come from. */
    public static List<String> families() {
        return CurriculumWorlds.families();
    }
}
