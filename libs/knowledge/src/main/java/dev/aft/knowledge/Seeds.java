package dev.aft.knowledge;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Independent, reproducible random streams derived from one dataset seed, one per purpose, so that changing
 * how one part of a world is drawn does not shift the draws of another. {@link Random} is used because its
 * algorithm is fixed by its specification.
 */
public final class Seeds {

    private Seeds() {
    }

    public static Random stream(long seed, String purpose) {
        long mixed = mix(seed);
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            mixed = mix(mixed ^ b);
        }
        return new Random(mixed);
    }

    /** SplitMix64's finalizer: spreads nearby seeds far apart. */
    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
