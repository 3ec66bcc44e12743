package dev.aft.eval.rest;

import java.util.UUID;

/** Path parameters that must be evaluation ids. */
final class Ids {

    private Ids() {
    }

    static UUID evaluation(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("id", "'" + id + "' is not an evaluation id (a UUID)");
        }
    }
}
