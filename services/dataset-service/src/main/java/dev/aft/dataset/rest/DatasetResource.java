package dev.aft.dataset.rest;

import dev.aft.contracts.events.ContentLink;
import dev.aft.dataset.config.DatasetServiceConfig;
import dev.aft.dataset.persistence.DatasetContentEntity;
import dev.aft.dataset.persistence.DatasetEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /datasets/{id}}: metadata, and the JSONL content whose SHA-256 the {@code DatasetCreated} event carries. */
@Path("/datasets/{id}")
public class DatasetResource {

    private final DatasetServiceConfig config;

    public DatasetResource(DatasetServiceConfig config) {
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @WithSession
    public Uni<DatasetView> get(@PathParam("id") String id) {
        return DatasetEntity.<DatasetEntity>findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundException("no dataset '" + id + "'"))
                .map(d -> DatasetView.of(d, link(d.id, "documents.jsonl", d.documentsSha256, d.documentsBytes),
                        link(d.id, "tests.jsonl", d.testsSha256, d.testsBytes)));
    }

    @GET
    @Path("documents.jsonl")
    @Produces(ContentLink.JSONL)
    @WithSession
    public Uni<Response> documents(@PathParam("id") String id) {
        return content(id, DatasetContentEntity.DOCUMENTS);
    }

    @GET
    @Path("tests.jsonl")
    @Produces(ContentLink.JSONL)
    @WithSession
    public Uni<Response> tests(@PathParam("id") String id) {
        return content(id, DatasetContentEntity.TESTS);
    }

    private Uni<Response> content(String id, String kind) {
        return DatasetContentEntity.<DatasetContentEntity>findById(DatasetContentEntity.id(id, kind))
                .onItem().ifNull().failWith(() -> new NotFoundException("no dataset '" + id + "'"))
                .map(c -> Response.ok(c.content, ContentLink.JSONL)
                        .header("Content-Disposition", "inline; filename=\"" + kind + ".jsonl\"").build());
    }

    private ContentLink link(String id, String file, String sha256, long bytes) {
        return new ContentLink(config.publicBaseUrl() + "/datasets/" + id + "/" + file, sha256, bytes, ContentLink.JSONL);
    }
}
