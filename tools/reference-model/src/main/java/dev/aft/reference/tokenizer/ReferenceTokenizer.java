package dev.aft.reference.tokenizer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aft.lm.tokenizer.Tokenizer;
import dev.aft.lm.tokenizer.TokenizerFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes the reference model's {@code tokenizer.json} and {@code tokenizer_config.json}: libs/lm's
 * SentencePiece-style Unigram tokenizer with byte fallback ({@link TokenizerFiles#writeUnigram}) over the
 * {@link Vocabulary}, with two changes:
 * <ul>
 *   <li>a line break that is followed by more text is read as a line break plus a space (a normalizer), and the
 *       decoder drops exactly that space again. So a word at the start of a line is the same {@code ▁word}
 *       token as after a space (documents one per line, answers one per line), the encoding of a prompt that
 *       ends in a line break is a prefix of the encoding of prompt plus answer, and every text still decodes to
 *       itself (a leading space aside, which the Llama-style decoder strips);</li>
 *   <li>extra pieces: line breaks, a closing sentence marker, sentence-opening words right after a marker,
 *       and the {@link NonsenseWordPieces}.</li>
 * </ul>
 * BOS ({@code <s>}) starts every sequence ({@code add_bos_token}), as model-service adds it.
 */
public final class ReferenceTokenizer {

    public static final String SPACE = "\u2581";
    public static final String CONFIG_FILE = "tokenizer_config.json";
    private static final double WORD_SCORE = -1.0;
    private static final double SYLLABLE_SCORE = -5.0;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceTokenizer() {
    }

    /** Writes {@code tokenizer.json} and {@code tokenizer_config.json} into {@code folder}; returns the id count. */
    public static int write(Path folder, Vocabulary vocabulary, int contextLength) {
        try {
            Files.createDirectories(folder);
            Path file = TokenizerFiles.writeUnigram(folder, vocabulary.words());
            ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());

            ObjectNode normalizer = root.putObject("normalizer");
            normalizer.put("type", "Replace");
            normalizer.putObject("pattern").put("Regex", "\n(?=[\\s\\S])");
            normalizer.put("content", "\n ");
            ArrayNode decoders = (ArrayNode) root.path("decoder").path("decoders");
            ObjectNode undo = decoders.addObject();
            undo.put("type", "Replace");
            undo.putObject("pattern").put("String", "\n ");
            undo.put("content", "\n");

            ArrayNode vocab = (ArrayNode) root.path("model").path("vocab");
            Set<String> present = new HashSet<>();
            vocab.forEach(entry -> present.add(entry.get(0).asText()));
            Set<String> syllables = Set.copyOf(NonsenseWordPieces.pieces());
            for (String piece : vocabulary.extraPieces()) {
                if (present.add(piece)) {
                    vocab.addArray().add(piece).add(syllables.contains(piece) ? SYLLABLE_SCORE : WORD_SCORE);
                }
            }
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            writeConfig(folder, contextLength);
            if (vocab.size() != vocabulary.size()) {
                throw new IllegalStateException("The tokenizer holds " + vocab.size() + " ids, the vocabulary expected "
                        + vocabulary.size());
            }
            return vocab.size();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the tokenizer into " + folder, e);
        }
    }

    private static void writeConfig(Path folder, int contextLength) throws IOException {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("tokenizer_class", "LlamaTokenizerFast");
        config.put("add_bos_token", true);
        config.put("add_eos_token", false);
        config.put("bos_token", TokenizerFiles.BOS);
        config.put("eos_token", TokenizerFiles.EOS);
        config.put("unk_token", TokenizerFiles.UNK);
        config.put("model_max_length", contextLength);
        config.put("clean_up_tokenization_spaces", false);
        Files.writeString(folder.resolve(CONFIG_FILE),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config));
    }

    /** Token ids of {@code text} with BOS first, as model-service reads a prompt of this model. */
    public static int[] encodeWithBos(Tokenizer tokenizer, String text) {
        int[] ids = tokenizer.encode(text).ids();
        int[] withBos = new int[ids.length + 1];
        withBos[0] = TokenizerFiles.BOS_ID;
        System.arraycopy(ids, 0, withBos, 1, ids.length);
        return withBos;
    }
}
