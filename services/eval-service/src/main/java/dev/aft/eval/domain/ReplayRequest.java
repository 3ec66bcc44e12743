package dev.aft.eval.domain;

import dev.aft.contracts.plan.Condition;
import java.time.Instant;
import java.util.Set;

/**
 * What a replay re-reads: one experiment's events and/or those that occurred in {@code [from, to)}, limited to
 * {@code conditions} (null: every condition). {@code replayId} is the client's idempotency key (null: generated).
 */
public record ReplayRequest(String replayId, String experimentId, Instant from, Instant to, Set<Condition> conditions) {
}
