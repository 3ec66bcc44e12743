package dev.aft.eval.domain;

import dev.aft.modelclient.Completion;
import dev.aft.modelclient.ModelApiException;
import dev.aft.modelclient.ModelClient;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Counts tokens with the backend itself: the prompt echoed, nothing generated and nothing scored, and the
 * answer's {@code usage.prompt_tokens}. A prompt over the model's context is refused by the server (OpenAI's
 * {@code context_length_exceeded}); that answer means "does not fit".
 */
public final class BackendTokenCounter implements TokenCounter {

    private final ModelClient client;
    private final String model;

    public BackendTokenCounter(ModelClient client, String model) {
        this.client = client;
        this.model = model;
    }

    @Override
    public OptionalInt count(String text) {
        Completion.Response response;
        try {
            response = client.complete(new Completion.Request(model, List.of(text), 0, true, null, 0.0, null, null,
                    null, null));
        } catch (ModelApiException e) {
            if (tooLong(e)) {
                return OptionalInt.empty();
            }
            throw e;
        }
        if (response.usage() == null) {
            throw new EvaluationFailure("the backend reports no usage.prompt_tokens, so the in-context condition"
                    + " cannot measure its context");
        }
        return OptionalInt.of(Math.toIntExact(response.usage().promptTokens()));
    }

    static boolean tooLong(ModelApiException e) {
        if (e.status() != 400) {
            return false;
        }
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return "context_length_exceeded".equals(e.code()) || message.contains("maximum context length");
    }
}
