package dev.aft.reference.probe;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.truth.GroundTruth;
import dev.aft.knowledge.truth.GroundTruths;
import dev.aft.knowledge.truth.Inference;
import dev.aft.lm.LanguageModel;
import dev.aft.lm.generation.Generation;
import dev.aft.lm.generation.GenerationRequest;
import dev.aft.reference.curriculum.PromptFormats;
import dev.aft.reference.tokenizer.ReferenceTokenizer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Global augmentation on a held-out world, with prompts as long as augment-service writes them for this model:
 * for each focus document, the other documents ranked by the words they share with it (like augment-service's
 * context selection, with a simpler word filter) and taken while the prompt stays within the model's context less
 * the answer's room, in corpus order; greedy generation with the global template's stop sequences; then, against the world's ground
 * truth, the share of statements that are true and of the world's two-step conclusions that are stated.
 */
final class GlobalAugmentationCheck {

    static final List<String> STOP = List.of("\n\n", "<document");
    /** augment-service's default room for the answer ({@code aft.augment.global.max-tokens}). */
    static final int ANSWER_TOKENS = 256;
    /** augment-service's safety margin on prompt estimates ({@code aft.augment.global.margin}). */
    static final double MARGIN = 0.15;
    /** Tokens written per focus document here: enough for every inference of one document. */
    private static final int MAX_TOKENS = 96;

    private final LanguageModel model;
    private final PrintStream out;

    GlobalAugmentationCheck(LanguageModel model, PrintStream out) {
        this.model = model;
        this.out = out;
    }

    /** Only this check: {@code MODEL_FOLDER [worlds (1)] [focus documents per world (20)]}. */
    public static void main(String[] args) {
        int worlds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int focus = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        try (LanguageModel model = LanguageModel.load(java.nio.file.Path.of(args[0]))) {
            for (int w = 0; w < worlds; w++) {
                for (Dataset world : AbilityProbe.globalWorlds(dev.aft.reference.curriculum.WorldSeeds.heldOut(w))) {
                    new GlobalAugmentationCheck(model, System.out).run(world, focus);
                }
            }
        }
    }

    /** The measured figures of one world. */
    record Result(String family, int prompts, int promptTokens, int statements, int trueStatements,
            int conclusions, int conclusionsStated) {
    }

    Result run(Dataset world, int focusDocuments) {
        GroundTruth truth = GroundTruths.of(world).orElseThrow();
        List<Document> documents = world.documents();
        int budget = Integer.getInteger("aft.probe.global-prompt-tokens",
                (int) ((model.contextLength() - ANSWER_TOKENS) / (1 + MARGIN)));
        List<Document> foci = documents.subList(0, Math.min(focusDocuments, documents.size()));
        List<GenerationRequest> requests = new ArrayList<>();
        int promptTokens = 0;
        for (Document focus : foci) {
            int[] prompt = ReferenceTokenizer.encodeWithBos(model.tokenizer(), prompt(focus, documents, budget));
            promptTokens += prompt.length;
            requests.add(new GenerationRequest(prompt, MAX_TOKENS, 0, 1, 0, STOP, 0));
        }
        List<Generation> generations = model.generate(requests);
        List<String> all = new ArrayList<>();
        int trueStatements = 0;
        for (int i = 0; i < foci.size(); i++) {
            List<String> lines = Arrays.stream(generations.get(i).text().split("\n")).map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
            all.addAll(lines);
            trueStatements += (int) lines.stream().filter(truth::isTrue).count();
            if (i < 2) {
                out.println("  focus: " + foci.get(i).text().strip());
                lines.stream().limit(6).forEach(l -> out.println("    " + (truth.isTrue(l) ? "true  " : "false ") + l));
            }
        }
        // Coverage of the conclusions whose facts the probed focus documents state.
        Set<String> focusFacts = new HashSet<>();
        foci.forEach(d -> focusFacts.addAll(d.factIds()));
        List<Inference> conclusions = truth.inferences(Inference.Kind.TWO_STEP).stream()
                .filter(c -> c.factIds().stream().anyMatch(focusFacts::contains)).toList();
        Set<String> stated = new HashSet<>();
        all.forEach(l -> stated.addAll(truth.inferencesStated(l)));
        int covered = (int) conclusions.stream().filter(c -> stated.contains(c.id())).count();
        Result result = new Result(world.family(), foci.size(), promptTokens / Math.max(1, foci.size()), all.size(),
                trueStatements, conclusions.size(), covered);
        out.printf(Locale.ROOT, "global augmentation, world %d (%s, %d focus documents, prompts of %d tokens on"
                + " average): %d of %d statements true (%.0f%%); %d of %d two-step conclusions stated (%.0f%%)%n",
                world.seed(), world.family(), result.prompts(), result.promptTokens(), trueStatements, all.size(),
                100.0 * trueStatements / Math.max(1, all.size()), covered, conclusions.size(),
                100.0 * covered / Math.max(1, conclusions.size()));
        return result;
    }

    /** The global prompt for {@code focus}: the most related other documents that fit {@code budget} tokens. */
    private String prompt(Document focus, List<Document> documents, int budget) {
        Set<String> focusWords = words(focus.text());
        List<Document> others = documents.stream().filter(d -> !d.equals(focus))
                .sorted(Comparator.comparingInt((Document d) -> shared(focusWords, d.text())).reversed()).toList();
        List<Document> chosen = new ArrayList<>();
        int skeleton = tokens(PromptFormats.global(List.of(), focus));
        int used = skeleton;
        for (Document document : others) {
            int cost = tokens(PromptFormats.global(List.of(document), focus)) - skeleton + 1;
            if (used + cost <= budget) {
                chosen.add(document);
                used += cost;
            }
        }
        List<Document> inCorpusOrder = documents.stream().filter(chosen::contains).toList();
        return PromptFormats.global(inCorpusOrder, focus);
    }

    private int tokens(String text) {
        return model.tokenizer().encode(text).ids().length;
    }

    private static int shared(Set<String> focusWords, String text) {
        int shared = 0;
        for (String word : words(text)) {
            if (focusWords.contains(word)) {
                shared++;
            }
        }
        return shared;
    }

    /** Words of four letters or more (the template's and the families' function words are mostly shorter). */
    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (word.length() >= 4) {
                words.add(word);
            }
        }
        return words;
    }
}
