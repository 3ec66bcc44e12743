package dev.aft.eval.rest;

import dev.aft.eval.persistence.EvaluationState;
import java.util.Arrays;

/** Evaluation states by wire name in query parameters. */
final class States {

    private States() {
    }

    static EvaluationState parse(String name) {
        return Arrays.stream(EvaluationState.values()).filter(s -> s.wireName().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidRequestException("state", "unknown state '" + name
                        + "' (known: pending, running, completed, failed)"));
    }
}
