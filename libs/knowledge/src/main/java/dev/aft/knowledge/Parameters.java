package dev.aft.knowledge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The validated parameters of one generation: every name known to the family, every value a whole number in
 * range, missing ones filled from the defaults.
 */
public final class Parameters {

    private final Map<String, Integer> values;

    private Parameters(Map<String, Integer> values) {
        this.values = values;
    }

    /** The defaults of {@code specs}, in declaration order (what {@link DatasetGenerator#defaults()} returns). */
    public static Map<String, Object> defaults(List<IntParameter> specs) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        specs.forEach(spec -> defaults.put(spec.name(), spec.defaultValue()));
        return Collections.unmodifiableMap(defaults);
    }

    /** Validates {@code given} against {@code specs} for {@code family}. */
    public static Parameters resolve(String family, List<IntParameter> specs, Map<String, Object> given) {
        Map<String, IntParameter> byName = new LinkedHashMap<>();
        specs.forEach(spec -> byName.put(spec.name(), spec));
        Map<String, Object> input = given == null ? Map.of() : given;
        input.keySet().stream().sorted().forEach(name -> {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException("unknown parameter \"" + name + "\" for " + family
                        + "; known parameters: " + String.join(", ", byName.keySet()));
            }
        });
        Map<String, Integer> values = new LinkedHashMap<>();
        for (IntParameter spec : specs) {
            values.put(spec.name(), input.containsKey(spec.name())
                    ? spec.read(input.get(spec.name()))
                    : spec.defaultValue());
        }
        return new Parameters(values);
    }

    public int get(String name) {
        Integer value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("no parameter " + name);
        }
        return value;
    }

    /** Fails with a message naming {@code name} unless {@code condition} holds. */
    public void require(boolean condition, String name, String rule) {
        if (!condition) {
            throw new IllegalArgumentException(name + " " + rule + ", was " + get(name));
        }
    }

    /** All values, defaults included, for {@link Dataset#parameters()}. */
    public Map<String, Object> asMap() {
        return values.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
