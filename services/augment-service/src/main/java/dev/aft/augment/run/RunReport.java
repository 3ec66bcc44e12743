package dev.aft.augment.run;

import dev.aft.augment.domain.StatementLine;
import dev.aft.augment.domain.StatementsJsonl;
import dev.aft.augment.domain.WorldTruth;
import dev.aft.augment.persistence.RunTally;
import dev.aft.augment.persistence.StatementEntity;
import dev.aft.contracts.plan.AugmentStrategy;
import dev.aft.knowledge.truth.Coverage;
import dev.aft.knowledge.truth.GroundTruth;
import dev.aft.knowledge.truth.Inference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished run's report: the statements JSONL (the bytes the event's sha256 covers), the counts per step, and
 * precision and coverage where the world is known. Coverage is of the strategy's own target: valid reversals
 * for local runs, two-step conclusions for global runs (the counts carry both).
 */
record RunReport(byte[] content, String sha256, Map<String, Integer> counts, Double precision, Double coverage) {

    static RunReport of(AugmentStrategy strategy, int prompts, int plannedOutputs, RunTally tally,
            List<StatementEntity> statements, WorldTruth truth) {
        List<StatementLine> lines = statements.stream().map(s -> new StatementLine(s.id.toString(), s.text,
                strategy.wireName(), new StatementLine.Source(StatementsJsonl.readArray(s.documentIds), s.sentenceIndex),
                s.promptId, s.sample, s.trueInWorld)).toList();
        byte[] content = StatementsJsonl.write(lines);

        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("prompts", prompts);
        counts.put("plannedOutputs", plannedOutputs);
        counts.putAll(tally.counts().asMap());
        counts.put("overContextOutputs", tally.overContextOutputs());
        if (strategy == AugmentStrategy.GLOBAL && tally.contextDocuments().getCount() > 0) {
            counts.put("contextLimitedPrompts", tally.contextLimitedPrompts());
            counts.put("contextDocumentsMin", tally.contextDocuments().getMin());
            counts.put("contextDocumentsMax", tally.contextDocuments().getMax());
        }
        Double precision = null;
        Double coverage = null;
        if (truth.checker().isPresent()) {
            GroundTruth checker = truth.checker().get();
            List<String> texts = statements.stream().map(s -> s.text).toList();
            int trueOnes = (int) statements.stream().filter(s -> Boolean.TRUE.equals(s.trueInWorld)).count();
            counts.put("trueInWorld", trueOnes);
            Coverage reversals = checker.coverage(Inference.Kind.REVERSAL, texts);
            Coverage twoStep = checker.coverage(Inference.Kind.TWO_STEP, texts);
            counts.put("reversalTargets", reversals.targets());
            counts.put("reversalsCovered", reversals.covered());
            counts.put("twoStepTargets", twoStep.targets());
            counts.put("twoStepCovered", twoStep.covered());
            precision = statements.isEmpty() ? null : (double) trueOnes / statements.size();
            Coverage own = strategy == AugmentStrategy.LOCAL ? reversals : twoStep;
            coverage = own.fraction().isPresent() ? own.fraction().getAsDouble() : null;
        }
        return new RunReport(content, StatementsJsonl.sha256(content), counts, precision, coverage);
    }
}
