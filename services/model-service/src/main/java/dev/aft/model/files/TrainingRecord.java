package dev.aft.model.files;

import dev.aft.model.chat.ChatTemplate;
import java.util.List;

/** One line of a fine-tuning file, in one of the three accepted formats. */
public sealed interface TrainingRecord {

    /** {@code {"prompt": ..., "completion": ...}}: the loss may be limited to the completion. */
    record PromptCompletion(String prompt, String completion) implements TrainingRecord {
    }

    /** {@code {"messages": [{"role", "content"}, ...]}}: the last (assistant) message is the completion. */
    record Chat(List<ChatTemplate.Message> messages) implements TrainingRecord {
    }

    /** {@code {"text": ...}}: plain text, every token trained on. */
    record Text(String text) implements TrainingRecord {
    }

    default String format() {
        if (this instanceof PromptCompletion) {
            return "prompt_completion";
        }
        return this instanceof Chat ? "messages" : "text";
    }
}
