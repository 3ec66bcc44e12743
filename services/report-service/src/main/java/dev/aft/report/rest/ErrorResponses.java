package dev.aft.report.rest;

import dev.aft.report.domain.Rebuild;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps failures to clear 4xx answers with a JSON body. */
public class ErrorResponses {

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody("invalid_request", e.field(), e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody("not_found", null, e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response busy(Rebuild.AlreadyRunning e) {
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody("conflict", null, e.getMessage())).build();
    }
}
