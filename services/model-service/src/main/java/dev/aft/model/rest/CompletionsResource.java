package dev.aft.model.rest;

import dev.aft.model.chat.ChatCompletionResponse;
import dev.aft.model.chat.ChatRequest;
import dev.aft.model.chat.ChatService;
import dev.aft.model.config.ModelServiceConfig;
import dev.aft.model.inference.CompletionRequest;
import dev.aft.model.inference.CompletionResponse;
import dev.aft.model.inference.CompletionService;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /v1/completions} and {@code /v1/chat/completions}. The body is read as bytes and parsed here so that
 * every malformed field is a 400 naming it. Inference blocks: these run on worker threads.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class CompletionsResource {

    private final ModelServiceConfig config;
    private final CompletionService completions;
    private final ChatService chat;

    public CompletionsResource(ModelServiceConfig config, CompletionService completions, ChatService chat) {
        this.config = config;
        this.completions = completions;
        this.chat = chat;
    }

    @POST
    @Path("completions")
    @Blocking
    public CompletionResponse complete(byte[] body) {
        return completions.complete(CompletionRequest.parse(body, config.limits()));
    }

    @POST
    @Path("chat/completions")
    @Blocking
    public ChatCompletionResponse chat(byte[] body) {
        return chat.complete(ChatRequest.parse(body, config.limits()));
    }
}
