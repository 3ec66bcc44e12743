package dev.aft.model.rest;

import dev.aft.model.api.ListResponse;
import dev.aft.model.models.ModelEntry;
import dev.aft.model.models.ModelRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /v1/models}: the served models (base, reference and fine-tuned). */
@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

    private final ModelRegistry registry;

    public ModelsResource(ModelRegistry registry) {
        this.registry = registry;
    }

    @GET
    public ListResponse<ModelView> list() {
        return ListResponse.of(registry.list().stream().map(this::view).toList());
    }

    @GET
    @Path("{id}")
    public ModelView get(@PathParam("id") String id) {
        return view(registry.require(id));
    }

    private ModelView view(ModelEntry entry) {
        return ModelView.of(entry, registry.contextLength(entry));
    }
}
