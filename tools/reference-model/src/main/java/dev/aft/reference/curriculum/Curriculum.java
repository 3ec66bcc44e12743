package dev.aft.reference.curriculum;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
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

    /**
     * Share of each stage's tokens per episode kind. In a stage file the first six shares must be given (a typo
     * cannot fall back to 0); {@code localComparisons}, {@code recurring} and {@code inContextComparisons}, added
     * later, may be left out (0), and a share of 0 of theirs is left out when a stage is written, so stages written
     * before they existed keep their fingerprint.
     */
    public record Mix(double documents, double inContext, double recall, double copy, double local, double global,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) double localComparisons,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) double recurring,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) double inContextComparisons) {

        private static final List<String> REQUIRED = List.of("documents", "inContext", "recall", "copy", "local",
                "global");
        private static final List<String> OPTIONAL = List.of("localComparisons", "recurring",
                "inContextComparisons");

        public Mix {
            for (double w : new double[] {documents, inContext, recall, copy, local, global, localComparisons,
                    recurring, inContextComparisons}) {
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("Mix weights must be >= 0");
                }
            }
            if (documents + inContext + recall + copy + local + global + localComparisons + recurring
                    + inContextComparisons <= 0) {
                throw new IllegalArgumentException("At least one mix weight must be positive");
            }
        }

        /** A mix from a stage file's object of shares. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Mix fromJson(Map<String, Double> shares) {
            for (String name : shares.keySet()) {
                if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                    throw new IllegalArgumentException("Unknown mix share '" + name + "'; known: " + REQUIRED
                            + " and, optional, " + OPTIONAL);
                }
            }
            double[] values = new double[REQUIRED.size()];
            for (int i = 0; i < values.length; i++) {
                Double value = shares.get(REQUIRED.get(i));
                if (value == null) {
                    throw new IllegalArgumentException("The mix needs a share for '" + REQUIRED.get(i) + "'");
                }
                values[i] = value;
            }
            double[] optional = new double[OPTIONAL.size()];
            for (int i = 0; i < optional.length; i++) {
                String name = OPTIONAL.get(i);
                if (shares.containsKey(name) && shares.get(name) == null) {
                    throw new IllegalArgumentException("The mix's " + name + " share is null");
                }
                optional[i] = shares.getOrDefault(name, 0.0);
            }
            return new Mix(values[0], values[1], values[2], values[3], values[4], values[5], optional[0],
                    optional[1], optional[2]);
        }

        /** A mix of the first six kinds only. */
        public Mix(double documents, double inContext, double recall, double copy, double local, double global) {
            this(documents, inContext, recall, copy, local, global, 0, 0, 0);
        }

        double weight(EpisodeKind kind) {
            return switch (kind) {
                case DOCUMENTS -> documents;
                case IN_CONTEXT -> inContext;
                case RECALL -> recall;
                case COPY -> copy;
                case LOCAL_AUGMENTATION -> local;
                case GLOBAL_AUGMENTATION -> global;
                case LOCAL_COMPARISONS -> localComparisons;
                case RECURRING -> recurring;
                case IN_CONTEXT_COMPARISONS -> inContextComparisons;
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
    private RecurringFacts recurring;

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
                        && kind != EpisodeKind.RECURRING && !world.hasEpisodes()) {
                    break; // a documents-only world gives documents while they are what the mix lacks most
                }
                if ((kind == EpisodeKind.LOCAL_COMPARISONS || kind == EpisodeKind.IN_CONTEXT_COMPARISONS)
                        && !world.family().equals(CurriculumWorlds.REVERSALS)) {
                    break; // the same: only a comparison world gives these
                }
                Optional<Episode> episode = kind == EpisodeKind.RECURRING
                        ? recurring().episode(random, stage.sequenceTokens() - EpisodeBuilder.MARGIN, counter)
                        : build(builder, kind);
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
            case LOCAL_COMPARISONS -> builder.local().map(e -> new Episode(EpisodeKind.LOCAL_COMPARISONS, e.family(),
                    e.seed(), e.prompt(), e.completion()));
            case IN_CONTEXT_COMPARISONS -> builder.inContext().map(e -> new Episode(EpisodeKind.IN_CONTEXT_COMPARISONS,
                    e.family(), e.seed(), e.prompt(), e.completion()));
            case GLOBAL_AUGMENTATION -> builder.global();
            case RECURRING -> throw new IllegalArgumentException("Recurring episodes come from the run's facts");
        };
    }

    /** The run's recurring facts, drawn when a stage first asks for them. */
    private RecurringFacts recurring() {
        if (recurring == null) {
            recurring = RecurringFacts.of(runSeed);
        }
        return recurring;
    }

    /** Every family a curriculum world may come from. */
    public static List<String> families() {
        return CurriculumWorlds.families();
    }
}
