package dev.aft.eval.rest;

import dev.aft.eval.domain.Replays;
import dev.aft.eval.persistence.EvaluationEntity;
import dev.aft.eval.persistence.ReplayEntity;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code /replays}: re-evaluation by re-reading the log; idempotent per replay id. */
@Path("/replays")
@Produces(MediaType.APPLICATION_JSON)
public class ReplayResource {

    private final Replays replays;

    public ReplayResource(Replays replays) {
        this.replays = replays;
    }

    /** Starts a replay (or returns the one with the same {@code replayId}); 202, the replay's progress at its link. */
    @POST
    public Uni<Response> start(byte[] body) {
        return replays.start(ReplayRequestParser.parse(body))
                .chain(replay -> view(replay.id))
                .map(view -> Response.accepted(view).location(URI.create("/replays/"
                        + URLEncoder.encode(view.replayId(), StandardCharsets.UTF_8))).build());
    }

    @GET
    @Path("{id}")
    public Uni<ReplayView> get(@PathParam("id") String id) {
        return view(id);
    }

    @WithSession
    Uni<ReplayView> view(String id) {
        return ReplayEntity.<ReplayEntity>findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundException("no replay '" + id + "'"))
                .chain(replay -> EvaluationEntity.<EvaluationEntity>find("replayOf = ?1 order by createdAt, id", id).list()
                        .map(evaluations -> ReplayView.of(replay, evaluations)));
    }
}
