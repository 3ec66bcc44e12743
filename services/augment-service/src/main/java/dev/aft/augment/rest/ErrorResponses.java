package dev.aft.augment.rest;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps failures to clear 4xx answers. */
public class ErrorResponses {

    /** The statements of a run that has not completed (yet). */
    public static class NotCompletedException extends RuntimeException {
        public NotCompletedException(String message) {
            super(message);
        }
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return json(Response.Status.NOT_FOUND, "not_found", e.getMessage());
    }

    @ServerExceptionMapper
    public Response badRequest(BadRequestException e) {
        return json(Response.Status.BAD_REQUEST, "invalid_request", e.getMessage());
    }

    @ServerExceptionMapper
    public Response notCompleted(NotCompletedException e) {
        return json(Response.Status.CONFLICT, "not_completed", e.getMessage());
    }

    private static Response json(Response.Status status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorBody(code, message)).build();
    }
}
