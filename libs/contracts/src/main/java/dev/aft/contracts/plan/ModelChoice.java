package dev.aft.contracts.plan;

import static dev.aft.contracts.Checks.requiredText;

/**
 * The base model every condition starts from, and the named backend that serves it (an OpenAI-compatible
 * endpoint each service has configured under that name: AFT's model-service, vLLM, a hosted API).
 */
public record ModelChoice(String baseModel, String backend) {

    /** The model AFT pretrains and ships, served by AFT's own model-service. */
    public static final String REFERENCE_MODEL = "aft-reference";
    public static final String DEFAULT_BACKEND = "model-service";

    public ModelChoice {
        requiredText(baseModel, "baseModel");
        requiredText(backend, "backend");
    }

    public static ModelChoice reference() {
        return new ModelChoice(REFERENCE_MODEL, DEFAULT_BACKEND);
    }
}
