package dev.aft.augment.run;

import dev.aft.augment.domain.PromptSpec;
import java.util.List;

/** Prompts sent in one completion request, all for the same sample index (seed = plan seed + sample). */
record Batch(List<PromptSpec> prompts, int sample) {

    /**
     * The model's answer: per prompt the prompt actually sent (a global prompt may have been rebuilt with a
     * smaller context) and its text, null when the prompt could not fit the model's context.
     */
    record Answer(Batch batch, List<PromptSpec> sent, List<String> texts, long promptTokens, long completionTokens) {
    }
}
