package dev.aft.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

/** The options of a multiple-choice item with the correct one placed at a random index. */
public record Choice(List<String> options, int correct) {

    public Choice {
        options = List.copyOf(options);
    }

    public static Choice of(String correctOption, List<String> distractors, Random random) {
        if (new LinkedHashSet<>(distractors).size() != distractors.size() || distractors.contains(correctOption)) {
            throw new IllegalStateException("options must be distinct: " + correctOption + " " + distractors);
        }
        List<String> options = new ArrayList<>(Draws.shuffled(distractors, random));
        int correct = random.nextInt(options.size() + 1);
        options.add(correct, correctOption);
        return new Choice(options, correct);
    }
}
