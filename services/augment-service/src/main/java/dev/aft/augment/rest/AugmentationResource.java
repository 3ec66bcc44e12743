package dev.aft.augment.rest;

import dev.aft.augment.config.AugmentServiceConfig;
import dev.aft.augment.persistence.ContentEntity;
import dev.aft.augment.persistence.OutputEntity;
import dev.aft.augment.persistence.RunEntity;
import dev.aft.augment.persistence.RunState;
import dev.aft.augment.persistence.RunStore;
import dev.aft.contracts.events.ContentLink;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code /augmentations}: runs by id or experiment, a completed run's statements (the exact bytes its
 * {@code AugmentationCompleted} sha256 covers), and every stored model output for inspection.
 */
@Path("/augmentations")
public class AugmentationResource {

    private final AugmentServiceConfig config;
    private final RunStore store;

    public AugmentationResource(AugmentServiceConfig config, RunStore store) {
        this.config = config;
        this.store = store;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @WithSession
    public Uni<List<AugmentationView>> list(@QueryParam("experimentId") String experimentId) {
        if (experimentId == null || experimentId.isBlank()) {
            throw new BadRequestException("name the experiment: GET /augmentations?experimentId=...");
        }
        return RunEntity.<RunEntity>find("experimentId = ?1 order by createdAt, strategy", experimentId).list()
                .chain(runs -> Multi.createFrom().iterable(runs)
                        .onItem().transformToUniAndConcatenate(this::view).collect().asList());
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @WithSession
    public Uni<AugmentationView> get(@PathParam("id") String id) {
        return run(id).chain(this::view);
    }

    @GET
    @Path("{id}/statements.jsonl")
    @Produces(ContentLink.JSONL)
    @WithSession
    public Uni<Response> statements(@PathParam("id") String id) {
        return run(id).chain(run -> {
            if (run.state != RunState.COMPLETED) {
                throw new ErrorResponses.NotCompletedException("augmentation '" + id + "' is " + run.state.wireName()
                        + "; its statements are served once it has completed");
            }
            return ContentEntity.<ContentEntity>findById(id).map(content -> Response.ok(content.content,
                    ContentLink.JSONL).header("Content-Disposition", "inline; filename=\"statements.jsonl\"").build());
        });
    }

    @GET
    @Path("{id}/outputs.jsonl")
    @Produces(ContentLink.JSONL)
    @WithSession
    public Uni<Response> outputs(@PathParam("id") String id) {
        return run(id).chain(run -> OutputEntity.<OutputEntity>find("runId = ?1 order by promptId, sample", id).list())
                .map(outputs -> Response.ok(OutputLines.write(outputs), ContentLink.JSONL).build());
    }

    private Uni<RunEntity> run(String id) {
        return RunEntity.<RunEntity>findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundException("no augmentation '" + id + "'"));
    }

    private Uni<AugmentationView> view(RunEntity run) {
        return store.tallyAsync(run.id).map(tally -> AugmentationView.of(run, tally, config.publicBaseUrl()));
    }
}
