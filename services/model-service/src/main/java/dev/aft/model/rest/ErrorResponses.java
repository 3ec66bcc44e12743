package dev.aft.model.rest;

import dev.aft.lm.checkpoint.CheckpointException;
import dev.aft.model.api.ErrorBody;
import dev.aft.model.api.OpenAiException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure answers in OpenAI's error format: {@code {"error": {"message", "type", "param", "code"}}}. */
public class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class);

    @ServerExceptionMapper
    public Response openAi(OpenAiException e) {
        return error(e.status(), e.getMessage(), e.type(), e.param(), e.code());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return error(404, "Unknown request URL. Please check the URL for typos.", OpenAiException.INVALID_REQUEST,
                null, "unknown_url");
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return error(405, "Method not allowed for this URL.", OpenAiException.INVALID_REQUEST, null,
                "method_not_allowed");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
            return error(status, "The server had an error while processing your request.",
                    OpenAiException.SERVER_ERROR, null, null);
        }
        String message = status == 413 ? "The request body is too large." : e.getMessage();
        return error(status, message, OpenAiException.INVALID_REQUEST, null, null);
    }

    /** A model folder that cannot be loaded: the server's fault, named so an operator can fix it. */
    @ServerExceptionMapper
    public Response checkpoint(CheckpointException e) {
        LOG.error("cannot load a model", e);
        return error(500, "The model could not be loaded: " + e.getMessage(), OpenAiException.SERVER_ERROR, null,
                "model_load_failed");
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(RuntimeException e) {
        LOG.error("request failed", e);
        return error(500, "The server had an error while processing your request: " + e,
                OpenAiException.SERVER_ERROR, null, null);
    }

    public static Response error(int status, String message, String type, String param, String code) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(ErrorBody.of(message, type, param, code)).build();
    }
}
