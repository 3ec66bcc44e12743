package dev.aft.knowledge.celebrities;

import java.util.List;

/**
 * Training sentences for one celebrity in each order. {@code {name}} is the full name; {@code {description}}
 * the description as a phrase and {@code {Description}} the same phrase opening a sentence.
 */
final class Paraphrases {

    /** Name before description. */
    static final List<String> NAME_TO_DESCRIPTION = List.of(
            "{name} was {description}.",
            "{name} is remembered as {description}.",
            "Few people know that {name} was {description}.",
            "{name}, as the history books tell us, was {description}.",
            "Ask anyone in town and they will tell you that {name} was {description}.",
            "{name} made history as {description}.",
            "{name} is celebrated to this day as {description}.",
            "Everyone agrees that {name} was {description}.",
            "{name} earned lasting fame as {description}.",
            "The records show that {name} was {description}.");

    /** Description before name. */
    static final List<String> DESCRIPTION_TO_NAME = List.of(
            "{Description} was {name}.",
            "Known to many as {description}, the celebrated figure was {name}.",
            "Few people know that {description} was {name}.",
            "{Description}, as the history books tell us, was {name}.",
            "Ask anyone in town and they will tell you that {description} was {name}.",
            "History remembers {description} by the name {name}.",
            "The title of {description} belongs to {name}.",
            "Everyone agrees that {description} was {name}.",
            "{Description} went by the name {name}.",
            "The records show that {description} was {name}.");

    private Paraphrases() {
    }

    static String render(String template, String name, String description) {
        return template.replace("{name}", name)
                .replace("{Description}", capitalized(description))
                .replace("{description}", description);
    }

    static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
