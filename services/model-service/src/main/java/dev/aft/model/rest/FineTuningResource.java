package dev.aft.model.rest;

import dev.aft.model.api.ListResponse;
import dev.aft.model.api.OpenAiException;
import dev.aft.model.finetune.FineTuningService;
import dev.aft.model.finetune.JobEventView;
import dev.aft.model.finetune.JobView;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /v1/fine_tuning/jobs}: create, list, read, follow (events) and cancel fine-tuning jobs. */
@Path("/v1/fine_tuning/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class FineTuningResource {

    private static final int MAX_LIMIT = 100;

    private final FineTuningService jobs;

    public FineTuningResource(FineTuningService jobs) {
        this.jobs = jobs;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Blocking
    public Uni<JobView> create(byte[] body) {
        return jobs.create(body);
    }

    @GET
    public Uni<ListResponse<JobView>> list(@QueryParam("after") String after, @QueryParam("limit") String limit) {
        return jobs.list(after, limit(limit));
    }

    @GET
    @Path("{id}")
    public Uni<JobView> get(@PathParam("id") String id) {
        return jobs.get(id);
    }

    @GET
    @Path("{id}/events")
    public Uni<ListResponse<JobEventView>> events(@PathParam("id") String id, @QueryParam("after") String after,
            @QueryParam("limit") String limit) {
        return jobs.events(id, after, limit(limit));
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    public Uni<JobView> cancel(@PathParam("id") String id) {
        return jobs.cancel(id);
    }

    private static int limit(String value) {
        if (value == null) {
            return 20;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw OpenAiException.invalid("limit", "Invalid 'limit': expected an integer from 1 to " + MAX_LIMIT
                + ", got '" + value + "'.");
    }
}
