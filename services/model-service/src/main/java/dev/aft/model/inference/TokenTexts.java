package dev.aft.model.inference;

import dev.aft.lm.tokenizer.Tokenizer;
import java.util.Arrays;

/**
 * The text each token of a sequence adds, decoded after a few preceding tokens (enough for spaces and
 * multi-byte characters to come out right, and linear in the sequence length). The first token of a
 * sequence is decoded as the start of a text.
 */
public final class TokenTexts {

    private static final int CONTEXT = 4;

    private final Tokenizer tokenizer;

    public TokenTexts(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** The text {@code token} adds at position {@code position} of {@code sequence}. */
    public String at(int[] sequence, int position, int token) {
        if (position == 0) {
            return tokenizer.decode(new int[] {token});
        }
        int[] context = Arrays.copyOfRange(sequence, Math.max(0, position - CONTEXT), position);
        return tokenizer.continuationText(context, new int[] {token});
    }

    public String at(int[] sequence, int position) {
        return at(sequence, position, sequence[position]);
    }
}
