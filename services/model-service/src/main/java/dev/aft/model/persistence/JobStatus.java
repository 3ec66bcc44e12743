package dev.aft.model.persistence;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/** OpenAI's fine-tuning job statuses. */
public enum JobStatus {
    VALIDATING_FILES, QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    /** Statuses a job leaves only by running on: re-queued after a restart. */
    public static final Set<JobStatus> UNFINISHED = Set.of(VALIDATING_FILES, QUEUED, RUNNING);

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return !UNFINISHED.contains(this);
    }

    public static JobStatus of(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown job status " + wireName));
    }
}
