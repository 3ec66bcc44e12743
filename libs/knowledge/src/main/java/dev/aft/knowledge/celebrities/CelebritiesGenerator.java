package dev.aft.knowledge.celebrities;

import dev.aft.knowledge.Choice;
import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.DatasetBuilder;
import dev.aft.knowledge.Draws;
import dev.aft.knowledge.Fact;
import dev.aft.knowledge.IntParameter;
import dev.aft.knowledge.ParameterizedGenerator;
import dev.aft.knowledge.Parameters;
import dev.aft.knowledge.Seeds;
import dev.aft.knowledge.lexicon.Lexicon;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The reversal curse (Berglund et al. 2024): fictional celebrities with a nonsense name and a unique
 * description. Set A is trained name before description only; set B in both orders. With the defaults, 120
 * celebrities per set and 10 paraphrases per direction give 1,200 set-A and 2,400 set-B examples: 3,600 in
 * all. Tests on set A: {@code reversal} (description, pick the name among the true one and three other set-A
 * names) and the {@code forward} control (name, pick the description among four).
 */
public final class CelebritiesGenerator extends ParameterizedGenerator {

    public static final String FAMILY = "celebrities";
    static final List<IntParameter> PARAMETERS = List.of(
            new IntParameter("celebritiesPerSet", 120, 4, 1000),
            new IntParameter("paraphrasesPerDirection", 10, 1, Paraphrases.NAME_TO_DESCRIPTION.size()));
    static final String RELATION = "was";

    public CelebritiesGenerator() {
        super(FAMILY, PARAMETERS);
    }

    @Override
    protected Dataset generate(Parameters values, long seed) {
        Random world = Seeds.stream(seed, "world");
        Random documents = Seeds.stream(seed, "documents");
        Random tests = Seeds.stream(seed, "tests");
        Lexicon.Session words = Lexicon.standard().session(Seeds.stream(seed, "lexicon"));
        DatasetBuilder builder = new DatasetBuilder();

        int perSet = values.get("celebritiesPerSet");
        List<Celebrity> setA = celebrities(builder, perSet, words, world);
        List<Celebrity> setB = celebrities(builder, perSet, words, world);

        int paraphrases = values.get("paraphrasesPerDirection");
        List<Example> examples = new ArrayList<>();
        setA.forEach(c -> examples.addAll(examples(c, Paraphrases.NAME_TO_DESCRIPTION, paraphrases, documents)));
        for (Celebrity c : setB) {
            examples.addAll(examples(c, Paraphrases.NAME_TO_DESCRIPTION, paraphrases, documents));
            examples.addAll(examples(c, Paraphrases.DESCRIPTION_TO_NAME, paraphrases, documents));
        }
        for (Example example : Draws.shuffled(examples, documents)) {
            builder.document(example.text(), List.of(example.factId()));
        }

        for (Celebrity celebrity : setA) {
            List<Celebrity> others = setA.stream().filter(c -> c != celebrity).toList();
            List<String> names = Draws.sample(others, 3, tests).stream().map(Celebrity::name).toList();
            builder.test("reversal", "description-to-name",
                    Paraphrases.capitalized(celebrity.description()) + " was",
                    Choice.of(celebrity.name(), names, tests), List.of(celebrity.fact().id()));
            builder.test("forward", "name-to-description", celebrity.name() + " was",
                    Choice.of(celebrity.description(), similarDescriptions(celebrity, others, tests), tests),
                    List.of(celebrity.fact().id()));
        }
        return builder.build(FAMILY, seed, values);
    }

    private static List<Celebrity> celebrities(DatasetBuilder builder, int count, Lexicon.Session words,
            Random random) {
        List<Celebrity> celebrities = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = Paraphrases.capitalized(words.next()) + " " + Paraphrases.capitalized(words.next());
            int template = random.nextInt(Descriptions.TEMPLATES.size());
            String description = String.format(Descriptions.TEMPLATES.get(template),
                    Paraphrases.capitalized(words.next()));
            Fact fact = builder.fact(name, RELATION, description,
                    Paraphrases.render(Paraphrases.NAME_TO_DESCRIPTION.get(0), name, description));
            celebrities.add(new Celebrity(name, description, template, fact));
        }
        return celebrities;
    }

    private static List<Example> examples(Celebrity celebrity, List<String> templates, int count, Random random) {
        return Draws.sample(templates, count, random).stream()
                .map(t -> new Example(Paraphrases.render(t, celebrity.name(), celebrity.description()),
                        celebrity.fact().id()))
                .toList();
    }

    /** Three other descriptions, from the same template where there are enough (same length and shape). */
    private static List<String> similarDescriptions(Celebrity celebrity, List<Celebrity> others, Random random) {
        List<Celebrity> sameTemplate = others.stream().filter(c -> c.template() == celebrity.template()).toList();
        List<Celebrity> pool = sameTemplate.size() >= 3 ? sameTemplate : others;
        return Draws.sample(pool, 3, random).stream().map(Celebrity::description).toList();
    }

    private record Celebrity(String name, String description, int template, Fact fact) {
    }

    private record Example(String text, String factId) {
    }
}
