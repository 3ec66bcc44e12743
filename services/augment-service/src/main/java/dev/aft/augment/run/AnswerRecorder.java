package dev.aft.augment.run;

import dev.aft.augment.domain.Deduplicator;
import dev.aft.augment.domain.Normalized;
import dev.aft.augment.domain.PostProcessor;
import dev.aft.augment.domain.PromptSpec;
import dev.aft.augment.domain.StatementsJsonl;
import dev.aft.augment.domain.WorldTruth;
import dev.aft.augment.persistence.OutputEntity;
import dev.aft.augment.persistence.RunEntity;
import dev.aft.augment.persistence.StatementEntity;
import dev.aft.contracts.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Turns the model's answers, in order, into stored outputs and kept statements with their provenance: one
 * transaction per batch, with the batch's tokens, the working time and, at most every
 * {@code aft.augment.progress-interval}, a progress event. Ids are derived from (run, prompt, sample[, index]),
 * so they are the same whichever session writes them.
 */
final class AnswerRecorder {

    private final RunEntity run;
    private final AugmentationRunner.Services services;
    private final PostProcessor post;
    private final Deduplicator deduplicator;
    private final WorldTruth truth;
    private final int planned;
    private final LongSupplier elapsed;
    private final Clock clock = Clock.systemUTC();
    private int outputs;
    private int kept;
    private Instant lastProgress;

    AnswerRecorder(RunEntity run, AugmentationRunner.Services services, PostProcessor post, Deduplicator deduplicator,
            WorldTruth truth, int planned, int outputsDone, int keptSoFar, LongSupplier elapsed) {
        this.run = run;
        this.services = services;
        this.post = post;
        this.deduplicator = deduplicator;
        this.truth = truth;
        this.planned = planned;
        this.outputs = outputsDone;
        this.kept = keptSoFar;
        this.elapsed = elapsed;
        this.lastProgress = run.lastProgressAt;
    }

    void record(Batch.Answer answer) {
        Instant now = clock.instant();
        int sample = answer.batch().sample();
        List<OutputEntity> rows = new ArrayList<>();
        List<StatementEntity> statements = new ArrayList<>();
        for (int i = 0; i < answer.sent().size(); i++) {
            PromptSpec prompt = answer.sent().get(i);
            String text = answer.texts().get(i);
            OutputEntity output = new OutputEntity();
            output.id = uuid(run.id, prompt.id(), Integer.toString(sample));
            output.runId = run.id;
            output.promptId = prompt.id();
            output.sample = sample;
            output.createdAt = now;
            output.overContext = text == null;
            if (text != null) {
                output.text = storable(text);
                if (prompt.context() != null) {
                    output.contextDocuments = prompt.context().selected();
                    if (prompt.context().limited()) {
                        output.contextDocumentIds = StatementsJsonl.jsonArray(prompt.context().selectedIds());
                    }
                }
                PostProcessor.Result result = post.process(text, deduplicator);
                output.candidates = result.counts().candidates();
                output.droppedEcho = result.counts().droppedEcho();
                output.droppedNotStatement = result.counts().droppedNotStatement();
                output.droppedDuplicateOfSource = result.counts().droppedDuplicateOfSource();
                output.droppedDuplicate = result.counts().droppedDuplicate();
                output.kept = result.counts().kept();
                for (int k = 0; k < result.kept().size(); k++) {
                    statements.add(statement(prompt, sample, k, result.kept().get(k)));
                }
            }
            rows.add(output);
        }
        outputs += rows.size();
        EventEnvelope<?> progress = null;
        if (lastProgress == null || !now.isBefore(lastProgress.plus(services.config().progressInterval()))) {
            progress = RunEvents.progress(run, services.config().producer(), outputs, planned, kept);
            lastProgress = now;
        }
        services.store().saveOutputs(run.id, rows, statements, answer.promptTokens(), answer.completionTokens(),
                elapsed.getAsLong(), progress, now);
        if (progress != null) {
            services.relay().kick();
        }
    }

    private StatementEntity statement(PromptSpec prompt, int sample, int index, String text) {
        StatementEntity statement = new StatementEntity();
        statement.id = uuid(run.id, prompt.id(), Integer.toString(sample), Integer.toString(index));
        statement.runId = run.id;
        statement.position = kept++;
        statement.text = storable(text);
        statement.normalized = Normalized.of(statement.text);
        statement.documentIds = StatementsJsonl.jsonArray(prompt.documentIds());
        statement.sentenceIndex = prompt.sentenceIndex();
        statement.promptId = prompt.id();
        statement.sample = sample;
        statement.trueInWorld = truth.checker().map(c -> c.isTrue(statement.text)).orElse(null);
        return statement;
    }

    /** PostgreSQL text cannot hold NUL (a byte-fallback tokenizer can decode one): stored as U+FFFD. */
    private static String storable(String text) {
        return text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
    }

    private static UUID uuid(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
    }
}
