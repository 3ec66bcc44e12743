package dev.aft.lm.tokenizer;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import dev.aft.lm.checkpoint.CheckpointException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Hugging Face {@code tokenizer.json} (any model the tokenizers library reads: BPE with byte fallback,
 * WordPiece, Unigram, WordLevel). Encoding never adds special tokens: callers put BOS where a model wants it.
 */
public final class Tokenizer implements AutoCloseable {

    public static final String FILE_NAME = "tokenizer.json";

    private final HuggingFaceTokenizer tokenizer;
    private final int vocabSize;
    private final long[] anchor;
    private final String anchorText;

    private Tokenizer(HuggingFaceTokenizer tokenizer, int vocabSize) {
        this.tokenizer = tokenizer;
        this.vocabSize = vocabSize;
        // Decoders may strip a leading space from a whole text; a token decoded after an anchor keeps its own.
        this.anchor = tokenizer.encode("a", false, false).getIds();
        this.anchorText = tokenizer.decode(anchor, false);
    }

    /** Loads {@code tokenizer.json} from a model folder (or the file itself). */
    public static Tokenizer load(Path folderOrFile) {
        Path file = Files.isDirectory(folderOrFile) ? folderOrFile.resolve(FILE_NAME) : folderOrFile;
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException("Missing tokenizer " + file);
        }
        try {
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(file)
                    .optAddSpecialTokens(false)
                    .optTruncation(false)
                    .optPadding(false)
                    .build();
            return new Tokenizer(tokenizer, vocabularySize(file));
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException("Cannot read tokenizer " + file + ": " + e.getMessage(), e);
        }
    }

    /** Token ids and, per token, the character offset in {@code text} where it starts. */
    public record Encoded(int[] ids, int[] offsets) {
        public int length() {
            return ids.length;
        }
    }

    public Encoded encode(String text) {
        if (text.isEmpty()) {
            return new Encoded(new int[0], new int[0]);
        }
        Encoding encoding = tokenizer.encode(text, false, false);
        long[] ids = encoding.getIds();
        CharSpan[] spans = encoding.getCharTokenSpans();
        int[] tokenIds = new int[ids.length];
        int[] offsets = new int[ids.length];
        int previous = 0;
        for (int i = 0; i < ids.length; i++) {
            tokenIds[i] = Math.toIntExact(ids[i]);
            // Byte-fallback pieces of one character share its span; a missing span inherits the last one.
            offsets[i] = spans != null && i < spans.length && spans[i] != null ? spans[i].getStart() : previous;
            previous = offsets[i];
        }
        return new Encoded(tokenIds, offsets);
    }

    public int[] ids(String text) {
        return encode(text).ids();
    }

    public String decode(int[] ids) {
        long[] values = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            values[i] = ids[i];
        }
        return tokenizer.decode(values, false);
    }

    /** The text one token stands for on its own (as OpenAI's {@code logprobs.tokens} show it). */
    public String tokenText(int id) {
        return continuationText(new int[0], new int[] {id});
    }

    /**
     * The text {@code continuation} adds after {@code context}: decoding both together keeps the spaces and
     * multi-byte characters that decoding the continuation alone could lose.
     */
    public String continuationText(int[] context, int[] continuation) {
        int[] head = context.length > 0 ? context : toInts(anchor);
        String headText = context.length > 0 ? decode(context) : anchorText;
        int[] all = new int[head.length + continuation.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(continuation, 0, all, head.length, continuation.length);
        String text = decode(all);
        return text.startsWith(headText) ? text.substring(headText.length()) : decode(continuation);
    }

    private static int[] toInts(long[] values) {
        int[] ints = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            ints[i] = Math.toIntExact(values[i]);
        }
        return ints;
    }

    /** The id of a token in the vocabulary (special tokens included), or -1. */
    public int tokenId(String token) {
        long[] ids = tokenizer.encode(token, false, false).getIds();
        return ids.length == 1 ? Math.toIntExact(ids[0]) : -1;
    }

    /** The number of ids the tokenizer can produce (model vocabulary plus added tokens). */
    public int vocabSize() {
        return vocabSize;
    }

    private static int vocabularySize(Path file) throws IOException {
        com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(file.toFile());
        int max = -1;
        com.fasterxml.jackson.databind.JsonNode vocab = root.path("model").path("vocab");
        if (vocab.isObject()) {
            for (var it = vocab.elements(); it.hasNext(); ) {
                max = Math.max(max, it.next().asInt());
            }
        } else if (vocab.isArray()) {
            max = vocab.size() - 1;
        }
        for (com.fasterxml.jackson.databind.JsonNode added : root.path("added_tokens")) {
            max = Math.max(max, added.path("id").asInt());
        }
        return max + 1;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
