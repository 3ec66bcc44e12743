package dev.aft.report.domain;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.EventPayload;
import dev.aft.contracts.events.AugmentationCompleted;
import dev.aft.contracts.events.AugmentationFailed;
import dev.aft.contracts.events.Completeness;
import dev.aft.contracts.events.DatasetCreated;
import dev.aft.contracts.events.EvaluationCompleted;
import dev.aft.contracts.events.EvaluationFailed;
import dev.aft.contracts.events.ModelTrained;
import dev.aft.contracts.events.SplitMetrics;
import dev.aft.contracts.events.TrainingFailed;
import dev.aft.contracts.plan.AugmentStrategy;
import dev.aft.contracts.plan.Condition;
import dev.aft.contracts.plan.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes an experiment's {@link Report} from the events the read model kept: the dataset's plan and the
 * outcome event of each stage. Pure: the same inputs give the same report.
 */
public final class ReportBuilder {

    private ReportBuilder() {
    }

    /** What the read model holds about one experiment. */
    public record Inputs(String experimentId, EventEnvelope<?> dataset, Map<String, EventEnvelope<?>> results,
            List<Report.Activity> progress, Instant now, Duration deadline) {
    }

    public static Report build(Inputs in) {
        DatasetCreated dataset = in.dataset() == null ? null : in.dataset().payloadAs(DatasetCreated.class);
        Plan plan = dataset == null ? null : dataset.plan();
        List<Condition> conditions = conditions(plan, in.results());
        List<String> splits = splits(dataset, conditions, in.results());
        List<Report.Cell> table = table(conditions, splits, in.results());
        List<Report.StageState> stages = new ArrayList<>();
        Completeness completeness = null;
        String status = Report.WAITING_FOR_DATASET;
        if (plan != null) {
            boolean pastDeadline = !in.now().isBefore(in.dataset().occurredAt().plus(in.deadline()));
            stages = stages(plan, in.results(), pastDeadline);
            completeness = completeness(stages);
            status = status(completeness, pastDeadline);
        } else {
            stages = known(in.results());
        }
        return new Report(in.experimentId(), status, dataset == null ? null : dataset.datasetId(),
                dataset == null ? null : dataset.family(), plan == null ? null : plan.model().baseModel(),
                conditions.stream().map(Condition::wireName).toList(), splits, table, gaps(conditions, splits, table),
                costs(conditions, in.results(), table), stages, activity(in.progress(), in.results()), completeness);
    }

    private static List<Condition> conditions(Plan plan, Map<String, EventEnvelope<?>> results) {
        Set<Condition> conditions = new LinkedHashSet<>();
        if (plan != null) {
            conditions.addAll(plan.evaluation().conditions());
        }
        Arrays.stream(Condition.values()).filter(c -> results.containsKey(StageKeys.evaluation(c)))
                .forEach(conditions::add);
        return List.copyOf(conditions);
    }

    private static List<String> splits(DatasetCreated dataset, List<Condition> conditions,
            Map<String, EventEnvelope<?>> results) {
        Set<String> splits = new LinkedHashSet<>();
        if (dataset != null) {
            splits.addAll(new java.util.TreeSet<>(dataset.testsPerSplit().keySet()));   // the dataset's splits, by name
        }
        for (Condition condition : conditions) {
            EvaluationCompleted evaluation = evaluation(results, condition);
            if (evaluation != null) {
                evaluation.metrics().stream().filter(m -> m.subType() == null).forEach(m -> splits.add(m.split()));
            }
        }
        return List.copyOf(splits);
    }

    private static List<Report.Cell> table(List<Condition> conditions, List<String> splits,
            Map<String, EventEnvelope<?>> results) {
        List<Report.Cell> cells = new ArrayList<>();
        for (Condition condition : conditions) {
            EvaluationCompleted evaluation = evaluation(results, condition);
            if (evaluation == null) {
                continue;
            }
            for (String split : splits) {
                evaluation.metrics().stream().filter(m -> m.subType() == null && m.split().equals(split)).findFirst()
                        .ifPresent(m -> cells.add(cell(condition, m)));
            }
        }
        return cells;
    }

    private static Report.Cell cell(Condition condition, SplitMetrics m) {
        return new Report.Cell(condition.wireName(), m.split(), m.n(), m.acc(), m.stderr(), m.accNorm(),
                stderr(m.accNorm(), m.n()), m.chance());
    }

    /** lm-evaluation-harness's standard error of a mean of 0/1 scores: {@code sqrt(p (1 - p) / (n - 1))}, 0 for n <= 1. */
    public static double stderr(double p, int n) {
        return n <= 1 ? 0.0 : Math.sqrt(p * (1 - p) / (n - 1));
    }

    /** icl − ft; for each augmented fine-tuned condition, it − ft and it − icl; per split where both have results. */
    private static List<Report.Gap> gaps(List<Condition> conditions, List<String> splits, List<Report.Cell> table) {
        List<Condition[]> pairs = new ArrayList<>();
        pairs.add(new Condition[] {Condition.ICL, Condition.FT});
        for (Condition condition : conditions) {
            if (condition.fineTuned() && !condition.augmentations().isEmpty()) {
                pairs.add(new Condition[] {condition, Condition.FT});
                pairs.add(new Condition[] {condition, Condition.ICL});
            }
        }
        List<Report.Gap> gaps = new ArrayList<>();
        for (Condition[] pair : pairs) {
            for (String split : splits) {
                Report.Cell a = find(table, pair[0], split);
                Report.Cell b = find(table, pair[1], split);
                if (a != null && b != null) {
                    gaps.add(new Report.Gap(pair[0].wireName() + " − " + pair[1].wireName(), pair[0].wireName(),
                            pair[1].wireName(), split, a.acc() - b.acc(), Math.hypot(a.accStderr(), b.accStderr()),
                            a.accNorm() - b.accNorm(), Math.hypot(a.accNormStderr(), b.accNormStderr())));
                }
            }
        }
        return gaps;
    }

    private static Report.Cell find(List<Report.Cell> table, Condition condition, String split) {
        return table.stream().filter(c -> c.condition().equals(condition.wireName()) && c.split().equals(split))
                .findFirst().orElse(null);
    }

    private static List<Report.Cost> costs(List<Condition> conditions, Map<String, EventEnvelope<?>> results,
            List<Report.Cell> table) {
        List<Report.Cost> costs = new ArrayList<>();
        for (Condition condition : conditions) {
            long prompt = 0;
            long completion = 0;
            long augmentationMillis = 0;
            for (AugmentStrategy strategy : condition.augmentations()) {
                AugmentationCompleted augmentation = payload(results, StageKeys.augmentation(strategy),
                        AugmentationCompleted.class);
                if (augmentation != null) {
                    prompt += augmentation.tokens().promptTokens();
                    completion += augmentation.tokens().completionTokens();
                    augmentationMillis += augmentation.durationMillis();
                }
            }
            ModelTrained trained = condition.fineTuned()
                    ? payload(results, StageKeys.training(condition), ModelTrained.class) : null;
            EvaluationCompleted evaluation = evaluation(results, condition);
            int queries = table.stream().filter(c -> c.condition().equals(condition.wireName()))
                    .mapToInt(Report.Cell::n).sum();
            costs.add(new Report.Cost(condition.wireName(), prompt, completion, augmentationMillis,
                    trained == null ? null : trained.tokens(),
                    trained == null ? null : trained.trainingSet().examples(),
                    trained == null ? null : trained.durationMillis(),
                    trained == null ? null : trained.finalLoss(),
                    evaluation == null ? null : evaluation.promptTokens(),
                    evaluation == null ? null : queries,
                    evaluation == null || queries == 0 ? null : evaluation.promptTokens() / (double) queries));
        }
        return costs;
    }

    /**
     * Each expected stage's state. A stage whose input failed counts as failed too (its result will never
     * come): a training run whose augmentation failed, an evaluation whose model failed to train. After the
     * deadline, a stage still without a result is missing rather than waiting.
     */
    private static List<Report.StageState> stages(Plan plan, Map<String, EventEnvelope<?>> results,
            boolean pastDeadline) {
        Map<String, Report.StageState> states = new LinkedHashMap<>();
        for (String key : StageKeys.expected(plan)) {
            String stage = key.substring(0, key.indexOf(':'));
            String subject = key.substring(key.indexOf(':') + 1);
            EventEnvelope<?> result = results.get(key);
            String state;
            String reason = null;
            if (result != null) {
                reason = reason(result.payload());
                state = reason == null ? StageKeys.COMPLETED : StageKeys.FAILED;
            } else {
                reason = upstreamFailure(key, states);
                state = reason != null ? StageKeys.FAILED : pastDeadline ? "missing" : "waiting";
            }
            states.put(key, new Report.StageState(key, stage, subject, state, reason,
                    result == null ? null : subjectId(result.payload())));
        }
        return List.copyOf(states.values());
    }

    /** Without a plan, the stages that have results so far. */
    private static List<Report.StageState> known(Map<String, EventEnvelope<?>> results) {
        List<Report.StageState> stages = new ArrayList<>();
        results.forEach((key, result) -> {
            String reason = reason(result.payload());
            stages.add(new Report.StageState(key, key.substring(0, key.indexOf(':')), key.substring(key.indexOf(':') + 1),
                    reason == null ? StageKeys.COMPLETED : StageKeys.FAILED, reason, subjectId(result.payload())));
        });
        return stages;
    }

    private static String upstreamFailure(String key, Map<String, Report.StageState> states) {
        String subject = key.substring(key.indexOf(':') + 1);
        if (key.startsWith("training:")) {
            for (AugmentStrategy strategy : Condition.of(subject).augmentations()) {
                Report.StageState input = states.get(StageKeys.augmentation(strategy));
                if (input != null && StageKeys.FAILED.equals(input.state())) {
                    return "not trained: augmentation " + strategy.wireName() + " failed";
                }
            }
        }
        if (key.startsWith("evaluation:") && Condition.of(subject).fineTuned()) {
            Report.StageState input = states.get("training:" + subject);
            if (input != null && StageKeys.FAILED.equals(input.state())) {
                return "not evaluated: training " + subject + " failed";
            }
        }
        return null;
    }

    private static Completeness completeness(List<Report.StageState> stages) {
        int completed = (int) stages.stream().filter(s -> StageKeys.COMPLETED.equals(s.state())).count();
        int failed = (int) stages.stream().filter(s -> StageKeys.FAILED.equals(s.state())).count();
        List<String> missing = stages.stream()
                .filter(s -> !StageKeys.COMPLETED.equals(s.state()) && !StageKeys.FAILED.equals(s.state()))
                .map(Report.StageState::key).toList();
        return new Completeness(stages.size(), completed, failed, missing);
    }

    private static String status(Completeness completeness, boolean pastDeadline) {
        if (completeness.complete()) {
            return completeness.failed() == 0 ? Report.COMPLETED : Report.COMPLETED_WITH_FAILURES;
        }
        return pastDeadline ? Report.INCOMPLETE : Report.RUNNING;
    }

    private static List<Report.Activity> activity(List<Report.Activity> progress, Map<String, EventEnvelope<?>> results) {
        Map<String, String> keysBySubject = new LinkedHashMap<>();
        results.forEach((key, event) -> keysBySubject.put(subjectId(event.payload()), key));
        return progress.stream().map(a -> new Report.Activity(a.stage(), a.subjectId(),
                keysBySubject.get(a.subjectId()), a.done(), a.total(), a.message(), a.updatedAt())).toList();
    }

    private static String reason(EventPayload payload) {
        if (payload instanceof AugmentationFailed e) {
            return e.reason();
        }
        if (payload instanceof TrainingFailed e) {
            return e.reason();
        }
        if (payload instanceof EvaluationFailed e) {
            return e.reason();
        }
        return null;
    }

    /** The id the producing service gave the stage's subject (the {@code subjectId} of its progress events). */
    private static String subjectId(EventPayload payload) {
        if (payload instanceof AugmentationCompleted e) {
            return e.augmentationId();
        }
        if (payload instanceof AugmentationFailed e) {
            return e.augmentationId();
        }
        if (payload instanceof ModelTrained e) {
            return e.runId();
        }
        if (payload instanceof TrainingFailed e) {
            return e.runId();
        }
        if (payload instanceof EvaluationCompleted e) {
            return e.evaluationId();
        }
        if (payload instanceof EvaluationFailed e) {
            return e.evaluationId();
        }
        return null;
    }

    static EvaluationCompleted evaluation(Map<String, EventEnvelope<?>> results, Condition condition) {
        return payload(results, StageKeys.evaluation(condition), EvaluationCompleted.class);
    }

    private static <T extends EventPayload> T payload(Map<String, EventEnvelope<?>> results, String key, Class<T> type) {
        EventEnvelope<?> event = results.get(key);
        return event != null && type.isInstance(event.payload()) ? type.cast(event.payload()) : null;
    }
}
