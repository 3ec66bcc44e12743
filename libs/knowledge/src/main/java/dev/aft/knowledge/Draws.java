package dev.aft.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;

/** Seeded draws with a fixed algorithm (independent of library implementation details). */
public final class Draws {

    private Draws() {
    }

    /** A shuffled copy of {@code items} (Fisher-Yates). */
    public static <T> List<T> shuffled(Collection<T> items, Random random) {
        List<T> list = new ArrayList<>(items);
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
        return list;
    }

    public static <T> T pick(List<T> items, Random random) {
        return items.get(random.nextInt(items.size()));
    }

    /** {@code count} distinct items drawn without replacement, in draw order. */
    public static <T> List<T> sample(List<T> items, int count, Random random) {
        if (count > items.size()) {
            throw new IllegalArgumentException("cannot draw " + count + " of " + items.size() + " items");
        }
        return new ArrayList<>(shuffled(items, random).subList(0, count));
    }
}
