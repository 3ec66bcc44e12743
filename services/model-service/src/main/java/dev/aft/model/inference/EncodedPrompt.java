package dev.aft.model.inference;

import dev.aft.model.api.OpenAiException;
import dev.aft.model.models.ServedModel;

/**
 * A prompt as the model reads it: its tokens, the text it stands for (what {@code echo} returns), and per
 * token the character offset in that text where the token starts. A BOS token the server adds itself
 * ({@code add_bos_token}) stands for no text: offset 0.
 */
record EncodedPrompt(int[] tokens, String text, int[] offsets) {

    static EncodedPrompt of(Prompt prompt, ServedModel model, TokenTexts texts, String param) {
        return prompt.isText() ? fromText(prompt.text(), model, param) : fromIds(prompt.ids(), model, texts, param);
    }

    private static EncodedPrompt fromText(String text, ServedModel model, String param) {
        var encoded = model.tokenizer().encode(text);
        boolean bos = model.addsBos() || encoded.length() == 0;
        if (encoded.length() == 0 && model.bosId().isEmpty()) {
            throw OpenAiException.invalid(param, "Invalid '" + param + "': the prompt is empty and the model has no"
                    + " BOS token to start from.");
        }
        if (!bos) {
            return new EncodedPrompt(encoded.ids(), text, encoded.offsets());
        }
        int[] tokens = new int[encoded.length() + 1];
        int[] offsets = new int[tokens.length];
        tokens[0] = model.bosId().orElseThrow();
        System.arraycopy(encoded.ids(), 0, tokens, 1, encoded.length());
        System.arraycopy(encoded.offsets(), 0, offsets, 1, encoded.length());
        return new EncodedPrompt(tokens, text, offsets);
    }

    private static EncodedPrompt fromIds(int[] ids, ServedModel model, TokenTexts texts, String param) {
        int vocabulary = model.vocabSize();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] >= vocabulary) {
                throw OpenAiException.invalid(param, "Invalid '" + param + "': token id " + ids[i] + " at position " + i
                        + " is not in the model's vocabulary (ids 0 to " + (vocabulary - 1) + ").");
            }
        }
        String text = model.tokenizer().decode(ids);
        int[] offsets = new int[ids.length];
        int offset = 0;
        for (int i = 0; i < ids.length; i++) {
            offsets[i] = Math.min(offset, text.length());
            offset += texts.at(ids, i).length();
        }
        return new EncodedPrompt(ids, text, offsets);
    }

    int length() {
        return tokens.length;
    }
}
