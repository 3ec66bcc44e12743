package dev.aft.augment.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The built-in prompt templates, read the way the service reads them. */
final class Templates {

    private Templates() {
    }

    static PromptTemplate local() {
        return PromptTemplate.parse("default/local.txt", read("templates/default/local.txt"), LocalPrompts.PLACEHOLDERS,
                LocalPrompts.REQUIRED);
    }

    static PromptTemplate global() {
        return PromptTemplate.parse("default/global.txt", read("templates/default/global.txt"),
                GlobalPrompts.PLACEHOLDERS, GlobalPrompts.REQUIRED);
    }

    private static String read(String resource) {
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
