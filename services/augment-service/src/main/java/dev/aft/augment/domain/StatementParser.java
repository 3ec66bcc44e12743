package dev.aft.augment.domain;

import dev.aft.knowledge.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Cuts a model's output into candidate statements: one per sentence of each line, list markers removed. */
public final class StatementParser {

    private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:[-*\u2022]+|\\d+[.)]|\\(\\d+\\))(?:\\s+|$)");

    private StatementParser() {
    }

    public static List<String> candidates(String output) {
        List<String> candidates = new ArrayList<>();
        for (String line : output.split("\\R")) {
            String unlisted = LIST_MARKER.matcher(line).replaceFirst("");
            candidates.addAll(SentenceSplitter.sentences(unlisted));
        }
        return candidates;
    }
}
