package dev.aft.reference.curriculum;

import java.util.List;

/**
 * A statement a world makes true, written as a multiple-choice item is scored: {@code prefix + " " + answer}.
 *
 * @param factIds the facts it follows from; an in-context episode shows a document for each
 */
public record Probe(ProbeKind kind, String prefix, String answer, List<String> factIds) {

    public Probe {
        factIds = List.copyOf(factIds);
    }

    public String statement() {
        return PromptFormats.statement(prefix, answer);
    }
}
