package dev.aft.eval.domain;

/**
 * The in-context part of a prompt: the instruction and the chosen training documents, ending where the
 * question's prefix begins; how many documents it holds and how many tokens the backend counted for it.
 */
public record InContext(String text, int documents, int tokens) {

    /** No context at all: the prompt is the question's prefix alone ({@code pretrained}, fine-tuned conditions). */
    public static final InContext NONE = new InContext("", 0, 0);
}
