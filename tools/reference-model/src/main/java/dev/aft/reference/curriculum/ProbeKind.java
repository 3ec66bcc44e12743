package dev.aft.reference.curriculum;

/** How a statement asked about in context follows from the documents. */
public enum ProbeKind {
    /** A stated fact, subject first, in its canonical wording. */
    FORWARD,
    /** A stated fact, same direction, in another training wording. */
    REPHRASE,
    /** A stated fact read in the other direction (including the converse of a "no" or "some" premise). */
    REVERSAL,
    /** The conclusion of two premises. */
    SYLLOGISM,
    /** A property, relation or ancestor a category inherits along its is-a chain. */
    INHERITANCE
}
