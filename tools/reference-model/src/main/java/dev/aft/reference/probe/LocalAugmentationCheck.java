package dev.aft.reference.probe;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.Families;
import dev.aft.knowledge.text.SentenceSplitter;
import dev.aft.knowledge.truth.GroundTruth;
import dev.aft.knowledge.truth.GroundTruths;
import dev.aft.lm.LanguageModel;
import dev.aft.lm.generation.Generation;
import dev.aft.lm.generation.GenerationRequest;
import dev.aft.reference.curriculum.CurriculumWorlds;
import dev.aft.reference.curriculum.PromptFormats;
import dev.aft.reference.tokenizer.ReferenceTokenizer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Local augmentation on a held-out simple-reversals world: for each article's sentence, greedy generation with
 * augment-service's local prompt (its stop sequences, 48 tokens at most), then, against the world's ground
 * truth, whether the output states the fact's correct reversal and how many of its statements are true.
 */
final class LocalAugmentationCheck {

    static final List<String> STOP = List.of("\n\n", "Sentence:", "<sentence>");
    private static final int MAX_TOKENS = 48;

    private final LanguageModel model;
    private final PrintStream out;

    LocalAugmentationCheck(LanguageModel model, PrintStream out) {
        this.model = model;
        this.out = out;
    }

    /** The measured figures of one world. */
    record Result(int sentences, int withReversal, int statements, int trueStatements) {
    }

    Result run(long seed, int sentences) {
        Dataset world = Families.generator(CurriculumWorlds.REVERSALS)
                .generate(Map.of("facts", sentences, "articlesPerFact", 1), seed);
        GroundTruth truth = GroundTruths.of(world).orElseThrow();
        List<Document> documents = world.documents();
        List<GenerationRequest> requests = new ArrayList<>();
        for (Document document : documents) {
            String prompt = PromptFormats.local(SentenceSplitter.sentences(document.text()).get(0));
            requests.add(new GenerationRequest(ReferenceTokenizer.encodeWithBos(model.tokenizer(), prompt),
                    MAX_TOKENS, 0, 1, 0, STOP, 0));
        }
        List<Generation> generations = model.generate(requests);
        int withReversal = 0;
        int statements = 0;
        int trueStatements = 0;
        for (int i = 0; i < documents.size(); i++) {
            List<String> lines = Arrays.stream(generations.get(i).text().split("\n")).map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
            String reversal = "reversal:" + documents.get(i).factIds().get(0);
            if (lines.stream().anyMatch(l -> truth.inferencesStated(l).contains(reversal))) {
                withReversal++;
            }
            statements += lines.size();
            trueStatements += (int) lines.stream().filter(truth::isTrue).count();
            if (i < 3) {
                out.println("  sentence: " + documents.get(i).text());
                lines.stream().limit(6).forEach(l -> out.println("    " + (truth.isTrue(l) ? "true  " : "false ") + l));
            }
        }
        Result result = new Result(documents.size(), withReversal, statements, trueStatements);
        out.printf(Locale.ROOT, "local augmentation, world %d (simple-reversals, %d sentences): correct reversal in"
                + " %.0f%%; %d of %d statements true (%.0f%%)%n", seed, result.sentences(),
                100.0 * withReversal / Math.max(1, documents.size()), trueStatements, statements,
                100.0 * trueStatements / Math.max(1, statements));
        return result;
    }
}
