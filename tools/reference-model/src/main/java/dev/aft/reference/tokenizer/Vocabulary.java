package dev.aft.reference.tokenizer;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.Families;
import dev.aft.knowledge.TestItem;
import dev.aft.knowledge.lexicon.Lexicon;
import dev.aft.reference.curriculum.PromptFormats;
import dev.aft.reference.curriculum.RecallEpisodes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference model's vocabulary, built deterministically:
 * <ol>
 *   <li><b>template words</b>: every word the benchmarks' generators, eval-service's instruction, augment-service's
 *       templates and the curriculum's own episodes use (scanned from datasets of every family; a word counts as a
 *       template word when it is not a nonsense word, or occurs in every scanned world);</li>
 *   <li>punctuation, digits and the prompt markers;</li>
 *   <li>{@link NonsenseWordPieces}: syllable pieces so that any nonsense word outside the list is two tokens;</li>
 *   <li>the most probable nonsense words, estimated by drawing {@value #LEXICON_SAMPLES} words from fresh
 *       {@link Lexicon} sessions with a fixed seed, until the vocabulary holds {@code size} ids.</li>
 * </ol>
 * Every listed word is one token after a space or a line break ({@link ReferenceTokenizer}).
 */
public final class Vocabulary {

    public static final int DEFAULT_SIZE = 8192;
    static final int LEXICON_SAMPLES = 2_000_000;
    static final long LEXICON_SAMPLE_SEED = 20251123L;
    /** Seeds of the worlds scanned for template words: evaluation-range seeds, only their wording is kept. */
    static final List<Long> SCANNED_SEEDS = List.of(1L, 2L, 3L);
    /** Ids before the words: {@code <unk>}, {@code <s>}, {@code </s>}, 256 byte tokens, the bare space piece. */
    static final int RESERVED = 3 + 256 + 1;

    static final List<String> PUNCTUATION = List.of(".", ",", ":", ";", "?", "!", "'", "\"", "(", ")", "[", "]",
            "{", "}", "-", "+", "*", "=", "/", "\\", "<", ">", "_", "#", "%", "&", "@", "~", "|", "$", "^", "`",
            "0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    /** Marker words as they follow a space or a line break in augment-service's prompts. */
    static final List<String> MARKERS = List.of("<sentence>", "</sentence>", "<document", "</document>",
            "<documents>", "</documents>", "id=\"d-", "\">", "Statements:", "Sentence:");
    /** Pieces that follow other text directly: a closing sentence marker, a document marker's end. */
    static final List<String> BARE_MARKERS = List.of("</sentence>", "\">");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+|[^\\s\\p{L}\\p{N}]");

    private final List<String> words;
    private final List<String> extraPieces;
    private final List<String> nonsenseWords;
    private final int templateWordCount;

    private Vocabulary(List<String> words, List<String> extraPieces, List<String> nonsenseWords,
            int templateWordCount) {
        this.words = List.copyOf(words);
        this.extraPieces = List.copyOf(extraPieces);
        this.nonsenseWords = List.copyOf(nonsenseWords);
        this.templateWordCount = templateWordCount;
    }

    public static Vocabulary standard() {
        return build(DEFAULT_SIZE);
    }

    /** A vocabulary of exactly {@code size} ids (special, byte, word, character and piece tokens together). */
    public static Vocabulary build(int size) {
        Lexicon lexicon = Lexicon.standard();
        List<String> templateWords = templateWords(lexicon);
        Set<String> words = new LinkedHashSet<>(templateWords);
        words.addAll(PUNCTUATION);
        words.addAll(MARKERS);

        Set<String> extra = new LinkedHashSet<>();
        extra.add("\n");
        extra.add(ReferenceTokenizer.SPACE + "\n");
        extra.addAll(BARE_MARKERS);
        // Words that open a sentence directly after "<sentence>" need a piece without the space mark.
        templateWords.stream().filter(w -> Character.isUpperCase(w.charAt(0))).forEach(extra::add);
        extra.addAll(NonsenseWordPieces.pieces());

        Set<String> characters = characters(List.copyOf(words));
        int used = idsTaken(words, characters, extra);
        if (used > size) {
            throw new IllegalArgumentException("A vocabulary of " + size + " ids cannot hold the " + used
                    + " template words, characters and pieces; give at least " + used);
        }
        List<String> nonsense = new ArrayList<>();
        for (String word : nonsenseWordsByProbability(lexicon)) {
            if (used >= size) {
                break;
            }
            if (words.add(word)) {
                nonsense.add(word);
                int before = characters.size();
                characters.addAll(characters(List.of(word)));
                used += 1 + characters.size() - before;
            }
        }
        return new Vocabulary(new ArrayList<>(words), new ArrayList<>(extra), nonsense, templateWords.size());
    }

    /** The words given to {@code TokenizerFiles.writeUnigram}: each becomes one {@code ▁word} token. */
    public List<String> words() {
        return words;
    }

    /** Pieces added without a space mark: line breaks, markers, sentence openers, syllable pieces. */
    public List<String> extraPieces() {
        return extraPieces;
    }

    /** The listed nonsense words, most probable first. */
    public List<String> nonsenseWords() {
        return nonsenseWords;
    }

    public int templateWordCount() {
        return templateWordCount;
    }

    /** The ids this vocabulary takes, as {@link ReferenceTokenizer} writes it. */
    public int size() {
        return idsTaken(words, characters(words), extraPieces);
    }

    /** Reserved ids, one per word, one per character not otherwise a piece, one per new extra piece. */
    private static int idsTaken(java.util.Collection<String> words, Set<String> characters,
            java.util.Collection<String> extra) {
        Set<String> extraNew = new LinkedHashSet<>(extra);
        extraNew.removeAll(characters);
        words.forEach(w -> extraNew.remove(ReferenceTokenizer.SPACE + w));
        return RESERVED + words.size() + characters.size() + extraNew.size();
    }

    /** Words and single punctuation marks of a text, in order. */
    public static List<String> splitWords(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    static Set<String> characters(List<String> words) {
        Set<String> characters = new LinkedHashSet<>();
        for (String word : words) {
            word.codePoints().forEach(c -> characters.add(new String(Character.toChars(c))));
        }
        return characters;
    }

    /**
     * Words of the benchmarks' and prompts' own wording, in order of first use: scanned from a world of every
     * family per scanned seed, the prompt templates and the curriculum's own episode texts.
     */
    static List<String> templateWords(Lexicon lexicon) {
        Map<String, Integer> worldsUsing = new LinkedHashMap<>();
        for (long seed : SCANNED_SEEDS) {
            Set<String> inWorld = new LinkedHashSet<>();
            for (String family : Families.names()) {
                Dataset dataset = Families.generator(family).generate(Map.of(), seed);
                for (Document document : dataset.documents()) {
                    inWorld.addAll(splitWords(document.text()));
                }
                for (TestItem item : dataset.tests()) {
                    inWorld.addAll(splitWords(item.prefix()));
                    item.options().forEach(option -> inWorld.addAll(splitWords(option)));
                }
            }
            inWorld.forEach(word -> worldsUsing.merge(word, 1, Integer::sum));
        }
        Set<String> template = new LinkedHashSet<>();
        List<String> fixedTexts = new ArrayList<>(PromptFormats.templateTexts());
        fixedTexts.addAll(RecallEpisodes.fixedTexts());
        for (String text : fixedTexts) {
            for (String word : splitWords(text)) {
                if (isWord(word)) {
                    template.add(word);
                }
            }
        }
        worldsUsing.forEach((word, count) -> {
            boolean nonsense = lexicon.isNonsenseWord(word.toLowerCase(Locale.ROOT));
            if (isWord(word) && (!nonsense || count == SCANNED_SEEDS.size())) {
                template.add(word);
            }
        });
        return new ArrayList<>(template);
    }

    private static boolean isWord(String token) {
        return Character.isLetterOrDigit(token.codePointAt(0)) && !(token.length() == 1
                && Character.isDigit(token.charAt(0)));
    }

    /** Nonsense words in order of how often fresh lexicon sessions draw them (ties by spelling). */
    static List<String> nonsenseWordsByProbability(Lexicon lexicon) {
        Random random = new Random(LEXICON_SAMPLE_SEED);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < LEXICON_SAMPLES; i++) {
            counts.merge(lexicon.session(random).next(), 1, Integer::sum);
        }
        List<String> words = new ArrayList<>(counts.keySet());
        words.sort(Comparator.comparing((String w) -> -counts.get(w)).thenComparing(Comparator.naturalOrder()));
        return words;
    }
}
