package dev.aft.report.rest;

import dev.aft.report.domain.Rebuild;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletableFuture;

/** Operations on the read model. */
@Path("/admin")
public class AdminResource {

    private final Rebuild rebuild;

    public AdminResource(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    /**
     * Clears the read model and re-reads every topic from the earliest offset; answers when it is done. The rebuild
     * runs on a thread of its own, outside the request's context (its database work opens its own sessions).
     */
    @POST
    @Path("rebuild")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Rebuild.Result> rebuild() {
        return Uni.createFrom().completionStage(() -> CompletableFuture.supplyAsync(rebuild::run,
                task -> new Thread(task, "read-model-rebuild").start()));
    }
}
