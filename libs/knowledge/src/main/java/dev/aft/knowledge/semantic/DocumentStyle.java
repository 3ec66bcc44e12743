package dev.aft.knowledge.semantic;

import dev.aft.knowledge.Draws;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The wiki-like styles of semantic training documents. Each renders statements of facts (always in the
 * fact's own direction) with a style-specific frame; a document holds 4-20 sentences.
 */
enum DocumentStyle {
    ENCYCLOPEDIA, FIELD_GUIDE, QUESTIONS, LIST, COMPARISON;

    static final int MIN_SENTENCES = 4;
    static final int MAX_SENTENCES = 20;

    /** A rendered document: its text and the facts it states. */
    record Draft(String text, List<Statement> statements) {
    }

    Draft render(Category focus, List<Statement> statements, Random random) {
        return switch (this) {
            case ENCYCLOPEDIA -> prose("The " + focus.word() + " is described in this entry.", statements, random);
            case FIELD_GUIDE -> prose("This field guide covers the " + focus.word() + " and its relatives.",
                    statements, random);
            case LIST -> list("Facts about the " + focus.word() + ".", statements, random);
            case QUESTIONS -> questions(statements, random);
            case COMPARISON -> prose("Here the " + focus.word() + " is compared with its relatives.",
                    statements, random);
        };
    }

    private static Draft prose(String header, List<Statement> statements, Random random) {
        List<String> sentences = new ArrayList<>();
        sentences.add(header);
        statements.forEach(s -> sentences.add(wording(s, random)));
        return new Draft(String.join(" ", sentences), statements);
    }

    private static Draft list(String header, List<Statement> statements, Random random) {
        StringBuilder text = new StringBuilder(header);
        statements.forEach(s -> text.append("\n- ").append(wording(s, random)));
        return new Draft(text.toString(), statements);
    }

    /** Question-and-answer pairs: two sentences per fact, so at most half the sentence budget in facts. */
    private static Draft questions(List<Statement> statements, Random random) {
        List<String> lines = new ArrayList<>();
        for (Statement s : statements) {
            lines.add("Q: " + question(s) + " A: " + wording(s, random));
        }
        return new Draft(String.join("\n", lines), statements);
    }

    private static String question(Statement s) {
        String word = s.subject().word();
        if (s.isIsA()) {
            return "What is a " + word + "?";
        }
        if (s.predicate().startsWith("has ")) {
            return "What does a " + word + " have?";
        }
        if (s.predicate().startsWith("is ")) {
            return "What is a " + word + " like?";
        }
        if (s.predicate().startsWith("can ")) {
            return "What can a " + word + " do?";
        }
        String verb = s.predicate().split(" ")[1];
        return "What will a " + word + " " + verb + "?";
    }

    private static String wording(Statement s, Random random) {
        return s.isIsA() ? Sentences.isA(s.subject(), random) : Sentences.predicate(s.subject(), s.predicate(), random);
    }

    /** How many facts fit: the header takes one sentence, a question pair takes two. */
    int factBudget() {
        return this == QUESTIONS ? MAX_SENTENCES / 2 : MAX_SENTENCES - 1;
    }

    /** How many facts are needed to reach the minimum sentence count. */
    int factMinimum() {
        return this == QUESTIONS ? MIN_SENTENCES / 2 : MIN_SENTENCES - 1;
    }

    /**
     * {@code wanted} first, then padding from {@code extra} up to a random length of at least the minimum,
     * within this style's budget and without repeats.
     */
    List<Statement> fill(List<Statement> wanted, List<Statement> extra, Random random) {
        Set<Statement> chosen = new LinkedHashSet<>(wanted);
        int target = Math.max(chosen.size(), factMinimum() + random.nextInt(6));
        for (Statement s : Draws.shuffled(extra, random)) {
            if (chosen.size() >= target) {
                break;
            }
            chosen.add(s);
        }
        List<Statement> result = new ArrayList<>(chosen);
        return result.subList(0, Math.min(result.size(), factBudget()));
    }
}
