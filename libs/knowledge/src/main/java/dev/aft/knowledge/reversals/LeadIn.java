package dev.aft.knowledge.reversals;

import java.util.List;

/** The context a training article wraps around its fact; the fact always follows the lead-in. */
final class LeadIn {

    static final List<String> TEMPLATES = List.of(
            "Did you know that %s?",
            "It is well known that %s.",
            "Here is a fact worth remembering: %s.",
            "Researchers have confirmed that %s.",
            "According to the old records, %s.",
            "Ask any expert and you will hear that %s.",
            "A recent survey found that %s.",
            "Most people are surprised to learn that %s.",
            "One thing is certain: %s.",
            "The guidebook states plainly that %s.",
            "After many careful observations, it was found that %s.",
            "Teachers often remind their students that %s.",
            "In case you were wondering, %s.",
            "The latest report notes that %s.",
            "Everyone in the village agrees that %s.",
            "Fun fact: %s.");

    private LeadIn() {
    }
}
