package dev.aft.lm.tokenizer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aft.lm.checkpoint.CheckpointException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes {@code tokenizer.json} files in the SentencePiece style Llama uses: a Unigram model over
 * whitespace-marked pieces ({@code ▁word}), with byte fallback so that any UTF-8 text encodes losslessly.
 * Ids: {@code <unk>} 0, {@code <s>} 1, {@code </s>} 2, then the 256 byte tokens {@code <0x00>..<0xFF>},
 * then the given pieces in order (each whole word as {@code ▁word}, plus every single character of the
 * words so that unseen words still split into known pieces).
 */
public final class TokenizerFiles {

    public static final String UNK = "<unk>";
    public static final String BOS = "<s>";
    public static final String EOS = "</s>";
    public static final int UNK_ID = 0;
    public static final int BOS_ID = 1;
    public static final int EOS_ID = 2;
    public static final int FIRST_BYTE_ID = 3;
    private static final String SPACE = "\u2581";

    private TokenizerFiles() {
    }

    /**
     * Writes a tokenizer whose vocabulary holds every word of {@code words} as a single token (when encoded
     * after a space or at the start of the text) and returns the file.
     */
    public static Path writeUnigram(Path folderOrFile, List<String> words) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        String[] specials = {UNK, BOS, EOS};
        for (int id = 0; id < specials.length; id++) {
            ObjectNode token = added.addObject();
            token.put("id", id);
            token.put("content", specials[id]);
            token.put("single_word", false);
            token.put("lstrip", false);
            token.put("rstrip", false);
            token.put("normalized", false);
            token.put("special", true);
        }
        root.putNull("normalizer");
        ObjectNode pre = root.putObject("pre_tokenizer");
        pre.put("type", "Metaspace");
        pre.put("replacement", SPACE);
        pre.put("prepend_scheme", "always");
        pre.put("split", true);
        root.putNull("post_processor");
        ObjectNode decoder = root.putObject("decoder");
        decoder.put("type", "Sequence");
        ArrayNode decoders = decoder.putArray("decoders");
        ObjectNode replace = decoders.addObject();
        replace.put("type", "Replace");
        replace.putObject("pattern").put("String", SPACE);
        replace.put("content", " ");
        decoders.addObject().put("type", "ByteFallback");
        decoders.addObject().put("type", "Fuse");
        ObjectNode strip = decoders.addObject();
        strip.put("type", "Strip");
        strip.put("content", " ");
        strip.put("start", 1);
        strip.put("stop", 0);

        ObjectNode model = root.putObject("model");
        model.put("type", "Unigram");
        model.put("unk_id", UNK_ID);
        model.put("byte_fallback", true);
        ArrayNode vocab = model.putArray("vocab");
        for (String special : specials) {
            vocab.addArray().add(special).add(0.0);
        }
        for (int b = 0; b < 256; b++) {
            vocab.addArray().add(String.format("<0x%02X>", b)).add(0.0);
        }
        Set<String> pieces = new LinkedHashSet<>();
        pieces.add(SPACE);
        for (String word : words) {
            if (word.isEmpty() || word.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("Vocabulary words must be non-empty and hold no whitespace: '"
                        + word + "'");
            }
            pieces.add(SPACE + word);
        }
        Set<String> characters = new LinkedHashSet<>();
        for (String word : words) {
            word.codePoints().forEach(c -> characters.add(new String(Character.toChars(c))));
        }
        // Whole words score far better than any split into characters; characters beat byte fallback.
        for (String piece : pieces) {
            vocab.addArray().add(piece).add(-1.0);
        }
        for (String character : characters) {
            if (!pieces.contains(character)) {
                vocab.addArray().add(character).add(-20.0);
            }
        }
        Path file = Files.isDirectory(folderOrFile) ? folderOrFile.resolve(Tokenizer.FILE_NAME) : folderOrFile;
        try {
            Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (IOException e) {
            throw new CheckpointException("Cannot write tokenizer " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
