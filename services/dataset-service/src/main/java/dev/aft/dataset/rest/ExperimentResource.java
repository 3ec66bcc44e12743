package dev.aft.dataset.rest;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.events.DatasetCreated;
import dev.aft.dataset.domain.DatasetMaterializer;
import dev.aft.dataset.domain.ExperimentRequest;
import dev.aft.dataset.domain.ExperimentRequestParser;
import dev.aft.dataset.domain.ExperimentService;
import dev.aft.dataset.domain.MaterializedDataset;
import dev.aft.outbox.OutboxRelay;
import dev.aft.dataset.persistence.ExperimentEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** {@code /experiments}: create an experiment (its dataset and plan) and look experiments up. */
@Path("/experiments")
@Produces(MediaType.APPLICATION_JSON)
public class ExperimentResource {

    private final ExperimentRequestParser parser;
    private final DatasetMaterializer materializer;
    private final ExperimentService experiments;
    private final OutboxRelay relay;
    private final io.vertx.mutiny.core.Vertx vertx;

    public ExperimentResource(ExperimentRequestParser parser, DatasetMaterializer materializer,
            ExperimentService experiments, OutboxRelay relay, io.vertx.mutiny.core.Vertx vertx) {
        this.parser = parser;
        this.materializer = materializer;
        this.experiments = experiments;
        this.relay = relay;
        this.vertx = vertx;
    }

    /**
     * Validates the request, generates (or ingests) the dataset on a worker thread, then stores everything and
     * the {@code DatasetCreated} event in one transaction. Answers 201 with the ids and content links.
     */
    @POST
    public Uni<Response> create(byte[] body) {
        ExperimentRequest request = parser.parse(body);
        return vertx.executeBlocking(Uni.createFrom().item(() -> materializer.materialize(request.source())))
                .chain(data -> experiments.create(request, data).map(event -> created(event, data)))
                .invoke(() -> relay.kick());
    }

    @GET
    @WithSession
    public Uni<List<ExperimentView>> list() {
        return ExperimentEntity.<ExperimentEntity>find("order by createdAt desc").list()
                .map(all -> all.stream().map(ExperimentView::of).toList());
    }

    @GET
    @Path("{id}")
    @WithSession
    public Uni<ExperimentView> get(@PathParam("id") String id) {
        return ExperimentEntity.<ExperimentEntity>findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundException("no experiment '" + id + "'"))
                .map(ExperimentView::of);
    }

    private static Response created(EventEnvelope<DatasetCreated> event, MaterializedDataset data) {
        DatasetCreated created = event.payload();
        return Response.created(URI.create("/experiments/" + event.experimentId()))
                .entity(new CreatedExperiment(event.experimentId(), created.datasetId(), created.family(),
                        created.documents(), created.testsPerSplit(), created.documentsContent(),
                        created.testsContent(), event.id().toString()))
                .build();
    }
}
