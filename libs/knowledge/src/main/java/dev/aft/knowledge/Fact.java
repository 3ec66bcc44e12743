package dev.aft.knowledge;

import java.util.Objects;

/**
 * One atomic fact of a generated world, as a triple plus its canonical sentence. {@code relation} names the
 * kind (e.g. {@code more-dangerous-than}, {@code is-a}, {@code has-property}, {@code all-are}).
 */
public record Fact(String id, String subject, String relation, String object, String sentence) {

    public Fact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(sentence, "sentence");
    }
}
