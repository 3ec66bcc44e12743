package dev.aft.eval.domain;

import dev.aft.knowledge.TestItem;
import java.util.List;

/**
 * One scored test item: the summed continuation log-probability of each option, each option's length in
 * characters, and the predictions by raw score ({@code acc}) and by score per character ({@code acc_norm}).
 */
public record ItemResult(
        String id,
        String split,
        String subType,
        double[] scores,
        int[] optionChars,
        int predicted,
        int predictedNorm,
        int answer) {

    public static ItemResult of(TestItem item, double[] scores) {
        int[] chars = item.options().stream().mapToInt(MultipleChoice::characters).toArray();
        double[] normalized = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            normalized[i] = scores[i] / chars[i];
        }
        return new ItemResult(item.id(), item.split(), item.subType(), scores.clone(), chars,
                MultipleChoice.argmax(scores), MultipleChoice.argmax(normalized), item.correct());
    }

    public boolean correct() {
        return predicted == answer;
    }

    public boolean correctNorm() {
        return predictedNorm == answer;
    }

    public int options() {
        return scores.length;
    }

    /** The options' scores as a list (for views and tests). */
    public List<Double> scoreList() {
        return java.util.Arrays.stream(scores).boxed().toList();
    }
}
