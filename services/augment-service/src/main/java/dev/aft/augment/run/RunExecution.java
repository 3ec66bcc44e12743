package dev.aft.augment.run;

import dev.aft.augment.config.AugmentServiceConfig;
import dev.aft.augment.domain.Deduplicator;
import dev.aft.augment.domain.EchoDetector;
import dev.aft.augment.domain.GlobalPrompts;
import dev.aft.augment.domain.LocalPrompts;
import dev.aft.augment.domain.PostProcessor;
import dev.aft.augment.domain.PromptSpec;
import dev.aft.augment.domain.PromptTemplate;
import dev.aft.augment.domain.ShapeRules;
import dev.aft.augment.domain.StatementsJsonl;
import dev.aft.augment.domain.TokenEstimate;
import dev.aft.augment.domain.WorldTruth;
import dev.aft.augment.persistence.RunEntity;
import dev.aft.augment.persistence.RunState;
import dev.aft.augment.persistence.RunStore;
import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.events.ContentLink;
import dev.aft.contracts.events.DatasetCreated;
import dev.aft.contracts.plan.AugmentPlan;
import dev.aft.contracts.plan.AugmentStrategy;
import dev.aft.contracts.serde.EventCodec;
import dev.aft.knowledge.DatasetJsonl;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.text.SentenceSplitter;
import dev.aft.modelclient.ModelApiException;
import dev.aft.modelclient.ModelClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One worker session of one run, on a worker thread: read the documents (fetched and checked once, then from
 * the database), build the prompts, skip the (prompt, sample) outputs already stored, ask the model for the
 * rest in batches (several requests in flight, answers handled in prompt order so that a run's statements do
 * not depend on timing), store each batch with its statements, and finish the run with its report.
 */
final class RunExecution {

    private final AugmentationRunner.Services services;
    private final AugmentServiceConfig config;
    private final RunStore store;
    private final RunEntity run;
    private final Clock clock = Clock.systemUTC();
    private long mark = System.nanoTime();

    RunExecution(AugmentationRunner.Services services, RunEntity run) {
        this.services = services;
        this.config = services.config();
        this.store = services.store();
        this.run = run;
    }

    void execute() throws InterruptedException {
        DatasetCreated created = EventCodec.decode(run.sourceEvent.getBytes(StandardCharsets.UTF_8),
                DatasetCreated.class).payload();
        AugmentPlan plan = created.plan().augment();
        AugmentStrategy strategy = AugmentStrategy.of(run.strategy);

        byte[] jsonl = store.input(run.id);
        if (jsonl == null) {
            jsonl = services.documents().fetch(created.documentsContent());
            store.saveInput(run.id, jsonl);
        }
        List<Document> documents;
        try {
            documents = DatasetJsonl.readDocuments(new ByteArrayInputStream(jsonl));
        } catch (IllegalArgumentException e) {
            throw new RunFailure("the dataset's documents are not valid JSONL: " + e.getMessage(), e);
        }
        ModelBackends.Backend backend = services.backends().resolve(run.backend);
        ModelClient client = backend.client();
        int contextLength = contextLength(backend);
        WorldTruth truth = WorldTruth.of(created.spec(), jsonl);
        PromptTemplate template = services.templates().of(strategy);
        int maxTokens = strategy == AugmentStrategy.LOCAL ? config.local().maxTokens() : config.global().maxTokens();

        List<PromptSpec> prompts;
        UnaryOperator<PromptSpec> shrink = null;
        if (strategy == AugmentStrategy.LOCAL) {
            prompts = LocalPrompts.build(documents, template);
        } else {
            if (run.tokensPerByte == null) {
                new Calibration(client, run.model, plan.seed(), contextLength, config.global().fallbackTokensPerByte())
                        .measure(template, documents).applyTo(run, store, elapsed());
            }
            TokenEstimate estimate = new TokenEstimate(run.tokensPerByte, config.global().margin());
            prompts = GlobalPrompts.build(documents, template, estimate, contextLength - maxTokens);
            Map<String, Integer> focusIndex = new HashMap<>();
            for (int i = 0; i < documents.size(); i++) {
                focusIndex.put("global:" + documents.get(i).id(), i);
            }
            shrink = p -> {
                int smaller = (int) (p.context().budget() * 0.75);
                return smaller <= 0 ? null
                        : GlobalPrompts.build(documents, focusIndex.get(p.id()), template, estimate, smaller);
            };
        }
        int samples = plan.samplesPerPrompt();
        int planned = prompts.size() * samples;
        RunStore.ResumeState resume = store.resumeState(run.id);
        int done = resume.doneKeys().size();
        store.update(run.id, r -> {
            r.prompts = prompts.size();
            r.plannedOutputs = planned;
            r.contextLength = contextLength;
        }, 0, 0, elapsed(), progress(done, planned, resume.keptNormalized().size()), clock.instant());
        services.relay().kick();

        List<String> sourceSentences = new ArrayList<>();
        documents.forEach(d -> sourceSentences.addAll(SentenceSplitter.sentences(d.text())));
        Deduplicator deduplicator = new Deduplicator(sourceSentences, resume.keptNormalized());
        PostProcessor post = new PostProcessor(shapeRules(), new EchoDetector(template));
        BatchCaller caller = new BatchCaller(client, run.model, maxTokens, plan.temperature(), plan.seed(),
                template.stop(), shrink);

        AnswerRecorder recorder = new AnswerRecorder(run, services, post, deduplicator, truth, planned, done,
                resume.keptNormalized().size(), this::elapsed);
        int batchSize = strategy == AugmentStrategy.LOCAL ? config.local().batchSize() : config.model().batchSize();
        process(batches(prompts, samples, resume, batchSize), caller, recorder::record);
        finish(strategy, prompts.size(), planned, truth);
    }

    private int contextLength(ModelBackends.Backend backend) {
        try {
            return backend.client().model(run.model).contextLength().orElse(config.global().defaultContextLength());
        } catch (ModelApiException e) {
            if (e.status() == 404) {
                throw new RunFailure("model '" + run.model + "' is not served by backend '" + backend.name() + "' at "
                        + backend.baseUrl() + ": " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private List<Batch> batches(List<PromptSpec> prompts, int samples, RunStore.ResumeState resume, int batchSize) {
        List<Batch> batches = new ArrayList<>();
        int size = Math.max(1, batchSize);
        for (int from = 0; from < prompts.size(); from += size) {
            List<PromptSpec> chunk = prompts.subList(from, Math.min(prompts.size(), from + size));
            for (int sample = 0; sample < samples; sample++) {
                final int s = sample;
                List<PromptSpec> pending = chunk.stream()
                        .filter(p -> !resume.doneKeys().contains(RunStore.key(p.id(), s))).toList();
                if (!pending.isEmpty()) {
                    batches.add(new Batch(pending, sample));
                }
            }
        }
        return batches;
    }

    /** Keeps up to {@code concurrency} batches in flight and handles the answers in order. */
    private void process(List<Batch> batches, BatchCaller caller, Consumer<Batch.Answer> handle)
            throws InterruptedException {
        ExecutorService calls = services.modelCalls();
        Deque<Future<Batch.Answer>> inFlight = new ArrayDeque<>();
        Iterator<Batch> next = batches.iterator();
        int window = Math.max(1, config.model().concurrency());
        try {
            while (next.hasNext() || !inFlight.isEmpty()) {
                while (next.hasNext() && inFlight.size() < window) {
                    Batch batch = next.next();
                    inFlight.add(calls.submit(() -> caller.call(batch)));
                }
                Future<Batch.Answer> first = inFlight.poll();
                try {
                    handle.accept(first.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            inFlight.forEach(f -> f.cancel(true));
        }
    }

    private void finish(AugmentStrategy strategy, int prompts, int planned, WorldTruth truth) {
        RunReport report = RunReport.of(strategy, prompts, planned, store.tally(run.id), store.statements(run.id), truth);
        if (report.counts().get("outputs") + report.counts().get("overContextOutputs") != planned
                || report.counts().get("candidates") != report.counts().get("droppedEcho")
                        + report.counts().get("droppedNotStatement") + report.counts().get("droppedDuplicateOfSource")
                        + report.counts().get("droppedDuplicate") + report.counts().get("kept")) {
            throw new IllegalStateException("run " + run.id + " counts do not add up: " + report.counts());
        }
        if (planned > 0 && report.counts().get("overContextOutputs") == planned) {
            throw new RunFailure("no prompt fits the context of model '" + run.model + "' (" + run.contextLength
                    + " tokens with " + (strategy == AugmentStrategy.LOCAL ? config.local().maxTokens()
                    : config.global().maxTokens()) + " for the answer)");
        }
        long active = elapsed();
        ContentLink link = new ContentLink(config.publicBaseUrl() + "/augmentations/" + run.id + "/statements.jsonl",
                report.sha256(), report.content().length, ContentLink.JSONL);
        Instant now = clock.instant();
        String producer = config.producer();
        boolean finished = store.finish(run.id, r -> {
            r.state = RunState.COMPLETED;
            r.finishedAt = now;
            r.activeMillis += active;
            r.counts = StatementsJsonl.jsonMap(report.counts());
            r.groundTruth = truth.note();
            r.precision = report.precision();
            r.coverage = report.coverage();
            r.contentSha256 = report.sha256();
            r.contentBytes = (long) report.content().length;
            return List.of(progress(planned, planned, report.counts().get("kept")),
                    RunEvents.completed(r, producer, report.counts(), r.promptTokens, r.completionTokens,
                            r.activeMillis, link));
        }, report.content());
        if (finished) {
            services.relay().kick();
        }
    }

    private EventEnvelope<?> progress(long done, long total, int kept) {
        return RunEvents.progress(run, config.producer(), done, total, kept);
    }

    private ShapeRules shapeRules() {
        AugmentServiceConfig.Filter filter = config.filter();
        return new ShapeRules(filter.minChars(), filter.maxChars(), filter.minWords(), filter.allowedCharacters());
    }

    /** Milliseconds of work since the last call (the run's active time grows by each). */
    long elapsed() {
        long now = System.nanoTime();
        long millis = (now - mark) / 1_000_000;
        mark += millis * 1_000_000;
        return millis;
    }

}
