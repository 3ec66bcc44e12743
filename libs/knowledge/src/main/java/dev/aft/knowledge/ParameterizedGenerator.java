package dev.aft.knowledge;

import java.util.List;
import java.util.Map;

/**
 * A family whose parameters are whole numbers with defaults and ranges: names the family, lists the defaults,
 * validates the given parameters and hands the resolved ones to {@link #generate(Parameters, long)}.
 */
public abstract class ParameterizedGenerator implements DatasetGenerator {

    private final String family;
    private final List<IntParameter> parameters;

    protected ParameterizedGenerator(String family, List<IntParameter> parameters) {
        this.family = family;
        this.parameters = List.copyOf(parameters);
    }

    @Override
    public final String family() {
        return family;
    }

    @Override
    public final Map<String, Object> defaults() {
        return Parameters.defaults(parameters);
    }

    @Override
    public final Dataset generate(Map<String, Object> parameters, long seed) {
        return generate(Parameters.resolve(family, this.parameters, parameters), seed);
    }

    /** Generates the dataset from validated parameters. */
    protected abstract Dataset generate(Parameters values, long seed);
}
