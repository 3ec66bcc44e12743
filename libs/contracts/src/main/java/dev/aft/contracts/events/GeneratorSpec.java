package dev.aft.contracts.events;

import static dev.aft.contracts.Checks.map;
import static dev.aft.contracts.Checks.requiredText;

import java.util.Map;

/**
 * What produced a dataset: a generator name (a knowledge family, or {@code upload} for a team's own data), its
 * parameters, and the seed. The same spec always produces the same bytes.
 */
public record GeneratorSpec(String generator, Map<String, Object> parameters, long seed) {

    public static final String UPLOAD = "upload";

    public GeneratorSpec {
        requiredText(generator, "generator");
        parameters = map(parameters, "parameters");
    }
}
