package dev.aft.report.rest;

import dev.aft.report.domain.Rebuild;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Operations on the read model. */
@Path("/admin")
public class AdminResource {

    private final Rebuild rebuild;

    public AdminResource(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    /** Clears the read model and re-reads every topic from the earliest offset; answers when it is done. */
    @POST
    @Path("rebuild")
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    public Rebuild.Result rebuild() {
        return rebuild.run();
    }
}
