package dev.aft.reference.curriculum;

/**
 * Which dataset seeds each use may take, so that the reference model never trains on a world it is
 * evaluated on:
 * <ul>
 *   <li><b>evaluation</b>: seeds below 2^31 ({@link #EVALUATION_LIMIT}), what dataset-service, the benchmarks
 *       and users pass;</li>
 *   <li><b>curriculum</b>: seeds in [2^40, 2^41), each derived from the run's seed, the stage and the world's
 *       index through a salted SplitMix64 stream ({@link #curriculum});</li>
 *   <li><b>held out</b>: seeds in [2^41, 2^41 + 2^32), the model card's and the ability probe's fresh worlds
 *       ({@link #heldOut}).</li>
 * </ul>
 * The three ranges are disjoint, whatever the run seed.
 */
public final class WorldSeeds {

    public static final long EVALUATION_LIMIT = 1L << 31;
    public static final long CURRICULUM_START = 1L << 40;
    public static final long HELD_OUT_START = 1L << 41;
    private static final long SALT = 0x4146545F43555252L; // "AFT_CURR"

    private WorldSeeds() {
    }

    /** The seed of world {@code index} of stage {@code stage} of a pretraining run with seed {@code runSeed}. */
    public static long curriculum(long runSeed, int stage, long index) {
        long mixed = mix(mix(mix(runSeed ^ SALT) + stage) + index);
        return CURRICULUM_START + (mixed & (CURRICULUM_START - 1));
    }

    /**
     * The seed of recurring world {@code index} of a run with seed {@code runSeed} ({@link RecurringFacts}): a
     * curriculum seed, drawn as for a stage numbered -1, which no stage has.
     */
    public static long recurring(long runSeed, int index) {
        return curriculum(runSeed, -1, index);
    }

    /** The seed of held-out world {@code index} (0 <= index < 2^32). */
    public static long heldOut(long index) {
        if (index < 0 || index >= (1L << 32)) {
            throw new IllegalArgumentException("held-out world index must be in [0, 2^32), was " + index);
        }
        return HELD_OUT_START + index;
    }

    public static boolean isCurriculum(long seed) {
        return seed >= CURRICULUM_START && seed < HELD_OUT_START;
    }

    public static boolean isHeldOut(long seed) {
        return seed >= HELD_OUT_START && seed < HELD_OUT_START + (1L << 32);
    }

    /** SplitMix64's finalizer. */
    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
