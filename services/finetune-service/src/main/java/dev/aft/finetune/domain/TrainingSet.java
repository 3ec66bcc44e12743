package dev.aft.finetune.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aft.contracts.plan.SentenceSplitting;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.text.SentenceSplitter;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A condition's training set: the documents split into examples ({@code none}: one per document;
 * {@code independent}: one per sentence; {@code cumulative}: one per sentence, carrying the preceding sentences
 * of its document before it), plus each augmented statement as its own example, shuffled by the plan's seed.
 * Written as model-service's {@code {"text": ...}} JSONL lines (all tokens learned).
 */
public record TrainingSet(List<Example> examples, Map<String, Integer> bySource, byte[] jsonl) {

    public static final String DOCUMENTS = "documents";

    /** One example and where it came from ({@code documents}, {@code local}, {@code global}). */
    public record Example(String source, String text) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The examples of the documents under {@code splitting}, in document order. */
    public static List<Example> documentExamples(List<Document> documents, SentenceSplitting splitting) {
        List<Example> examples = new ArrayList<>();
        for (Document document : documents) {
            if (splitting == SentenceSplitting.NONE) {
                examples.add(new Example(DOCUMENTS, document.text().strip()));
                continue;
            }
            StringBuilder context = new StringBuilder();
            for (String sentence : SentenceSplitter.sentences(document.text())) {
                String text = sentence.strip();
                if (text.isEmpty()) {
                    continue;
                }
                if (splitting == SentenceSplitting.CUMULATIVE && context.length() > 0) {
                    examples.add(new Example(DOCUMENTS, context + " " + text));
                } else {
                    examples.add(new Example(DOCUMENTS, text));
                }
                context.append(context.length() > 0 ? " " : "").append(text);
            }
        }
        return examples;
    }

    /**
     * The documents' examples plus {@code statements} (source name to statement texts, e.g. {@code local}),
     * shuffled by {@code seed}.
     */
    public static TrainingSet assemble(List<Document> documents, SentenceSplitting splitting,
            Map<String, List<String>> statements, long seed) {
        List<Example> examples = new ArrayList<>(documentExamples(documents, splitting));
        Map<String, Integer> bySource = new LinkedHashMap<>();
        bySource.put(DOCUMENTS, examples.size());
        statements.forEach((source, texts) -> {
            int n = 0;
            for (String text : texts) {
                if (!text.isBlank()) {
                    examples.add(new Example(source, text.strip()));
                    n++;
                }
            }
            bySource.put(source, n);
        });
        Collections.shuffle(examples, new Random(seed));
        return new TrainingSet(List.copyOf(examples), Collections.unmodifiableMap(bySource), jsonl(examples));
    }

    private static byte[] jsonl(List<Example> examples) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Example example : examples) {
            try {
                out.writeBytes(JSON.writeValueAsBytes(Map.of("text", example.text())));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            out.write('\n');
        }
        return out.toByteArray();
    }
}
