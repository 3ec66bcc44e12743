package dev.aft.reference;

import dev.aft.lm.tokenizer.Tokenizer;
import dev.aft.reference.tokenizer.ReferenceTokenizer;
import dev.aft.reference.tokenizer.Vocabulary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The standard vocabulary and its tokenizer, built once per test JVM (building takes a few seconds). */
public final class ReferenceFixtures {

    private static Vocabulary vocabulary;
    private static Path tokenizerFolder;
    private static Tokenizer tokenizer;

    private ReferenceFixtures() {
    }

    public static synchronized Vocabulary vocabulary() {
        if (vocabulary == null) {
            vocabulary = Vocabulary.standard();
        }
        return vocabulary;
    }

    /** A folder with the standard tokenizer.json and tokenizer_config.json (context 1,024). */
    public static synchronized Path tokenizerFolder() {
        if (tokenizerFolder == null) {
            try {
                Path folder = Files.createTempDirectory("aft-reference-tokenizer");
                folder.toFile().deleteOnExit();
                ReferenceTokenizer.write(folder, vocabulary(), 1024);
                tokenizerFolder = folder;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tokenizerFolder;
    }

    /** The standard tokenizer, shared (never close it). */
    public static synchronized Tokenizer tokenizer() {
        if (tokenizer == null) {
            tokenizer = Tokenizer.load(tokenizerFolder());
        }
        return tokenizer;
    }
}
