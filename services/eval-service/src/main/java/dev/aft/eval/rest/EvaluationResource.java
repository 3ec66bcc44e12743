package dev.aft.eval.rest;

import dev.aft.contracts.events.ContentLink;
import dev.aft.eval.config.EvalServiceConfig;
import dev.aft.eval.persistence.EvaluationEntity;
import dev.aft.eval.persistence.EvaluationItemsEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** {@code /evaluations}: evaluations with their metrics, and their per-item scores. */
@Path("/evaluations")
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationResource {

    private final EvalServiceConfig config;

    public EvaluationResource(EvalServiceConfig config) {
        this.config = config;
    }

    /** Evaluations, oldest first, filtered by experiment, replay ({@code replayOf}) and state when given. */
    @GET
    @WithSession
    public Uni<List<EvaluationView>> list(@QueryParam("experimentId") String experimentId,
            @QueryParam("replayOf") String replayOf, @QueryParam("state") String state) {
        List<String> where = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (experimentId != null) {
            parameters.add(experimentId);
            where.add("experimentId = ?" + parameters.size());
        }
        if (replayOf != null) {
            parameters.add(replayOf);
            where.add("replayOf = ?" + parameters.size());
        }
        if (state != null) {
            parameters.add(States.parse(state));
            where.add("state = ?" + parameters.size());
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by createdAt, id";
        return EvaluationEntity.<EvaluationEntity>find(query, parameters.toArray()).list()
                .map(all -> all.stream().map(e -> EvaluationView.of(e, config.publicBaseUrl())).toList());
    }

    @GET
    @Path("{id}")
    @WithSession
    public Uni<EvaluationView> get(@PathParam("id") String id) {
        UUID evaluationId = Ids.evaluation(id);
        return EvaluationEntity.<EvaluationEntity>findById(evaluationId)
                .onItem().ifNull().failWith(() -> new NotFoundException("no evaluation '" + id + "'"))
                .map(e -> EvaluationView.of(e, config.publicBaseUrl()));
    }

    /** Per-item scores, byte for byte what {@code EvaluationCompleted.itemsContent.sha256} covers. */
    @GET
    @Path("{id}/items.jsonl")
    @Produces(ContentLink.JSONL)
    @WithSession
    public Uni<Response> items(@PathParam("id") String id) {
        UUID evaluationId = Ids.evaluation(id);
        return EvaluationItemsEntity.<EvaluationItemsEntity>findById(evaluationId)
                .onItem().ifNull().failWith(() -> new NotFoundException("no items for evaluation '" + id
                        + "' (unknown, or not completed)"))
                .map(items -> Response.ok(items.content, ContentLink.JSONL)
                        .header("Content-Disposition", "inline; filename=\"items.jsonl\"").build());
    }
}
