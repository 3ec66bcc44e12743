package dev.aft.finetune.rest;

import dev.aft.finetune.domain.Runs;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/** Training runs: state, hyperparameters, loss curve, outcome; and the exact training set each was given. */
@Path("/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    private final Runs runs;

    public RunResource(Runs runs) {
        this.runs = runs;
    }

    @GET
    public Uni<List<RunView>> list(@QueryParam("experimentId") String experimentId) {
        return runs.ofExperiment(experimentId).map(all -> all.stream().map(RunView::of).toList());
    }

    @GET
    @Path("/{id}")
    public Uni<RunView> get(@PathParam("id") String id) {
        UUID runId = runId(id);
        return runs.find(runId).map(run -> {
            if (run == null) {
                throw new NotFoundException("no training run " + id);
            }
            return RunView.of(run);
        });
    }

    /** The training set exactly as uploaded (the bytes the event's sha256 covers). */
    @GET
    @Path("/{id}/training.jsonl")
    @Produces("application/x-ndjson")
    public Uni<Response> training(@PathParam("id") String id) {
        UUID runId = runId(id);
        return runs.trainingContent(runId).map(content -> {
            if (content == null) {
                throw new NotFoundException("no training set of run " + id + " (unknown run, or not assembled yet)");
            }
            return Response.ok(content, "application/x-ndjson").build();
        });
    }

    private static UUID runId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("id", "'" + id + "' is not a run id (a UUID)");
        }
    }
}
