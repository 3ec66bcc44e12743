package dev.aft.dataset.domain;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.events.ContentLink;
import dev.aft.contracts.events.DatasetCreated;
import dev.aft.contracts.serde.ContractJson;
import dev.aft.dataset.config.DatasetServiceConfig;
import dev.aft.dataset.persistence.DatasetContentEntity;
import dev.aft.dataset.persistence.DatasetEntity;
import dev.aft.dataset.persistence.ExperimentEntity;
import dev.aft.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Stores an experiment, its dataset and content, and the {@code DatasetCreated} event in one transaction
 * (the outbox), so the event is published if and only if the data was stored.
 */
@ApplicationScoped
public class ExperimentService {

    private final DatasetServiceConfig config;
    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    public ExperimentService(DatasetServiceConfig config, Outbox outbox) {
        this.config = config;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<EventEnvelope<DatasetCreated>> create(ExperimentRequest request, MaterializedDataset data) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String experimentId = "exp-" + UUID.randomUUID();
        String datasetId = "ds-" + UUID.randomUUID();

        ExperimentEntity experiment = new ExperimentEntity();
        experiment.id = experimentId;
        experiment.name = request.name();
        experiment.datasetId = datasetId;
        experiment.plan = json(request.plan());
        experiment.createdAt = now;

        DatasetEntity dataset = new DatasetEntity();
        dataset.id = datasetId;
        dataset.experimentId = experimentId;
        dataset.family = data.spec().generator();
        dataset.spec = json(data.spec());
        dataset.documents = data.dataset().documents().size();
        dataset.testsPerSplit = json(data.dataset().testsPerSplit());
        dataset.documentsSha256 = data.documentsSha256();
        dataset.documentsBytes = data.documentsJsonl().length;
        dataset.testsSha256 = data.testsSha256();
        dataset.testsBytes = data.testsJsonl().length;
        dataset.createdAt = now;

        DatasetCreated payload = new DatasetCreated(datasetId, dataset.family, data.spec(), dataset.documents,
                data.dataset().testsPerSplit(), request.plan(),
                link(datasetId, "documents.jsonl", dataset.documentsSha256, dataset.documentsBytes),
                link(datasetId, "tests.jsonl", dataset.testsSha256, dataset.testsBytes));
        EventEnvelope<DatasetCreated> event = EventEnvelope.of(experimentId, null, config.producer(), payload, clock);

        return experiment.persist()
                .chain(() -> dataset.persist())
                .chain(() -> content(datasetId, DatasetContentEntity.DOCUMENTS, data.documentsJsonl()).persist())
                .chain(() -> content(datasetId, DatasetContentEntity.TESTS, data.testsJsonl()).persist())
                .chain(() -> outbox.add(event, config.topicPrefix()))
                .replaceWith(event);
    }

    private ContentLink link(String datasetId, String file, String sha256, long bytes) {
        return new ContentLink(config.publicBaseUrl() + "/datasets/" + datasetId + "/" + file, sha256, bytes,
                ContentLink.JSONL);
    }

    private static DatasetContentEntity content(String datasetId, String kind, byte[] bytes) {
        DatasetContentEntity content = new DatasetContentEntity();
        content.id = DatasetContentEntity.id(datasetId, kind);
        content.content = bytes;
        return content;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = ContractJson.mapper();

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
