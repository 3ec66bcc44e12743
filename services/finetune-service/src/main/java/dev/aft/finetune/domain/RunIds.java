package dev.aft.finetune.domain;

import dev.aft.contracts.plan.Condition;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic ids: a run is named by its dataset and condition (a redelivered or repeated event finds it), and
 * its outcome event by the run, so one run can never publish two outcomes (the outbox's event id is unique).
 */
public final class RunIds {

    private RunIds() {
    }

    public static UUID run(String datasetId, Condition condition) {
        return name("run/" + datasetId + "/" + condition.wireName());
    }

    public static UUID outcomeEvent(UUID runId) {
        return name("outcome/" + runId);
    }

    /**
     * The job suffix that marks a run's job on the backend ({@code aft-<run id>}, within OpenAI's 64 characters):
     * before submitting, the job list is searched for it, so a job created just before a crash is found again.
     */
    public static String jobSuffix(UUID runId) {
        return "aft-" + runId;
    }

    private static UUID name(String text) {
        return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
