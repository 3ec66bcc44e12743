package dev.aft.knowledge.semantic;

import java.util.List;
import java.util.Random;

/**
 * How semantic facts are worded. Training wordings always put the fact's subject first ("A glorp is a kind of
 * dax", "A glorp has a trenk"), so a reversed wording ("One kind of dax is a glorp") never occurs in
 * training. Nonsense words never open a sentence, so they keep one spelling (no capitals).
 */
final class Sentences {

    private static final List<String> IS_A = List.of(
            "A %s is a kind of %s.",
            "A %s is a type of %s.",
            "Every %s is a %s.",
            "The %s is one of the kinds of %s.",
            "A %s counts among the kinds of %s.");
    private static final List<String> PREDICATE = List.of(
            "A %s %s.",
            "Every %s %s.",
            "The %s %s.",
            "Each and every %s %s.");

    private Sentences() {
    }

    static String canonicalIsA(Category category) {
        return String.format(IS_A.get(0), category.word(), category.parent().word());
    }

    static String canonical(Category category, Property property) {
        return String.format(PREDICATE.get(0), category.word(), property.predicate());
    }

    static String canonical(Category category, Relation relation) {
        return String.format(PREDICATE.get(0), category.word(), relation.predicate());
    }

    /** Some training wording of "{@code category} is a kind of its parent". */
    static String isA(Category category, Random random) {
        return String.format(IS_A.get(random.nextInt(IS_A.size())), category.word(), category.parent().word());
    }

    /** Some training wording of "{@code subject} {@code predicate}" (a property's or relation's predicate). */
    static String predicate(Category subject, String predicate, Random random) {
        return String.format(PREDICATE.get(random.nextInt(PREDICATE.size())), subject.word(), predicate);
    }

    /** The forward test prefix for a predicate: everything but its last word ("A glorp has a"). */
    static String forwardPrefix(Category subject, String predicate) {
        return "A " + subject.word() + " " + withoutLastWord(predicate);
    }

    /** A wording never used in training, same direction: "If something is a glorp, then it has a". */
    static String rephrasePrefix(Category subject, String predicate) {
        return "If something is a " + subject.word() + ", then it " + withoutLastWord(predicate);
    }

    static String isAForwardPrefix(Category subject) {
        return "A " + subject.word() + " is a kind of";
    }

    static String isARephrasePrefix(Category subject) {
        return "If something is a " + subject.word() + ", then it is a";
    }

    /** The reversal of an is-a fact: "One kind of dax is a" (answer: the child). */
    static String isAReversalPrefix(Category parent) {
        return "One kind of " + parent.word() + " is a";
    }

    /** The reversal of a property or relation: "Something that has a trenk is a" (answer: the subject). */
    static String predicateReversalPrefix(String predicate) {
        return "Something that " + predicate + " is a";
    }

    private static String withoutLastWord(String predicate) {
        return predicate.substring(0, predicate.lastIndexOf(' '));
    }
}
