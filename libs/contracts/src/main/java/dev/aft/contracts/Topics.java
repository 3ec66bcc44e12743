package dev.aft.contracts;

import java.util.List;

/**
 * Topic names. Each constant is also the SmallRye channel name that services use for it; the actual topic
 * name can carry another prefix ({@link #withPrefix}) where several AFT installations share a cluster.
 */
public final class Topics {

    public static final String DEFAULT_PREFIX = "aft.";

    public static final String DATASETS = "aft.datasets";
    public static final String AUGMENTATIONS = "aft.augmentations";
    public static final String MODELS = "aft.models";
    public static final String EVALUATIONS = "aft.evaluations";
    public static final String REPORTS = "aft.reports";
    public static final String PROGRESS = "aft.progress";

    /** Suffix of each topic's dead-letter topic, where consumers put messages they cannot process. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    public static final List<String> ALL = List.of(DATASETS, AUGMENTATIONS, MODELS, EVALUATIONS, REPORTS, PROGRESS);

    private Topics() {
    }

    /** The topic's name under another prefix: {@code withPrefix("team1.aft.", DATASETS)} is {@code team1.aft.datasets}. */
    public static String withPrefix(String prefix, String topic) {
        if (!topic.startsWith(DEFAULT_PREFIX)) {
            throw new IllegalArgumentException("not an AFT topic: " + topic);
        }
        if (prefix == null || prefix.isEmpty()) {
            throw new IllegalArgumentException("topic prefix must not be empty");
        }
        return prefix + topic.substring(DEFAULT_PREFIX.length());
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
