package dev.aft.augment.domain;

import dev.aft.knowledge.Document;
import dev.aft.knowledge.text.Sentence;
import dev.aft.knowledge.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Local augmentation's prompts: one per sentence of each training document, in corpus order. Placeholders:
 * {@code {{sentence}}} (the sentence between {@code <sentence>} markers, required), {@code {{document}}} (the
 * whole document between {@code <document>} markers), {@code {{documentId}}}, {@code {{sentenceIndex}}}.
 */
public final class LocalPrompts {

    public static final Set<String> PLACEHOLDERS = Set.of("sentence", "document", "documentId", "sentenceIndex");
    public static final Set<String> REQUIRED = Set.of("sentence");

    private LocalPrompts() {
    }

    public static List<PromptSpec> build(List<Document> documents, PromptTemplate template) {
        List<PromptSpec> prompts = new ArrayList<>();
        for (Document document : documents) {
            for (Sentence sentence : SentenceSplitter.split(document.text())) {
                String text = template.render(Map.of(
                        "sentence", PromptMarkers.sentence(sentence.text()),
                        "document", PromptMarkers.document(document.id(), document.text()),
                        "documentId", PromptMarkers.escape(document.id()),
                        "sentenceIndex", Integer.toString(sentence.index())));
                prompts.add(new PromptSpec("local:" + document.id() + ":" + sentence.index(), text,
                        List.of(document.id()), sentence.index(), null));
            }
        }
        return prompts;
    }
}
