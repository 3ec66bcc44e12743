package dev.aft.dataset.domain;

import dev.aft.contracts.plan.Plan;

/** A validated {@code POST /experiments}: an optional name, the dataset source and the plan. */
public record ExperimentRequest(String name, DatasetSource source, Plan plan) {
}
