package dev.aft.model.rest;

import dev.aft.model.api.ListResponse;
import dev.aft.model.api.OpenAiException;
import dev.aft.model.files.FileService;
import dev.aft.model.files.FileView;
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
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** {@code /v1/files}: fine-tuning JSONL uploads (multipart {@code file} + {@code purpose}). */
@Path("/v1/files")
@Produces(MediaType.APPLICATION_JSON)
public class FilesResource {

    private final FileService files;

    public FilesResource(FileService files) {
        this.files = files;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking
    public Uni<FileView> upload(@RestForm("file") FileUpload file, @RestForm("purpose") String purpose) {
        return files.upload(file == null ? null : file.uploadedFile(), file == null ? null : file.fileName(), purpose)
                .map(FileView::of);
    }

    @GET
    public Uni<ListResponse<FileView>> list(@QueryParam("purpose") String purpose) {
        return files.list(purpose).map(all -> ListResponse.page(all.stream().map(FileView::of).toList(), false));
    }

    @GET
    @Path("{id}")
    public Uni<FileView> get(@PathParam("id") String id) {
        return files.require(id).map(FileView::of);
    }

    @GET
    @Path("{id}/content")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    @Blocking
    public Uni<Response> content(@PathParam("id") String id) {
        return files.require(id).map(file -> {
            java.nio.file.Path path = files.path(file.id);
            if (!Files.isRegularFile(path)) {
                throw new OpenAiException(500, OpenAiException.SERVER_ERROR, null, null,
                        "The content of " + id + " is missing from the server's file store.");
            }
            return Response.ok(path.toFile(), MediaType.APPLICATION_OCTET_STREAM)
                    .header("Content-Disposition", "attachment; filename=\"" + file.filename.replace("\"", "") + "\"")
                    .build();
        });
    }
}
