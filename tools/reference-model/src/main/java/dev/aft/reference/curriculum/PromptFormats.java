package dev.aft.reference.curriculum;

import dev.aft.knowledge.Document;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The prompt formats the platform's services send to a model, reproduced here so that the curriculum trains
 * the reference model on exactly what it will be asked:
 * <ul>
 *   <li>eval-service's in-context condition: the instruction, a blank line, the documents one per line, a
 *       blank line, then the test item's prefix, a space and an option (lm-evaluation-harness scoring);</li>
 *   <li>augment-service's default local and global templates ({@code templates/*.txt} are copies of
 *       {@code services/augment-service/src/main/resources/templates/default/}; a test keeps them equal), with
 *       user text delimited as augment-service's {@code PromptMarkers} does.</li>
 * </ul>
 */
public final class PromptFormats {

    /** eval-service's default {@code aft.eval.icl.instruction}. */
    public static final String INSTRUCTION = "Here are some documents. Everything they say is true.";
    /** lm-evaluation-harness's target delimiter between a prefix and an option. */
    public static final String TARGET_DELIMITER = " ";
    /** What ends an augmentation answer (the templates' first stop sequence). */
    public static final String ANSWER_END = "\n\n";

    public static final String LOCAL_TEMPLATE = "local.txt";
    public static final String GLOBAL_TEMPLATE = "global.txt";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");
    private static final Pattern MARKER = Pattern.compile("<(?=\\s*/?\\s*(?:document|documents|sentence)\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final String LOCAL_BODY = body(LOCAL_TEMPLATE);
    private static final String GLOBAL_BODY = body(GLOBAL_TEMPLATE);

    private PromptFormats() {
    }

    /** eval-service's in-context context: instruction, blank line, documents one per line, blank line. */
    public static String inContext(List<Document> documents) {
        StringBuilder text = new StringBuilder(INSTRUCTION).append("\n\n");
        for (int i = 0; i < documents.size(); i++) {
            text.append(documents.get(i).text().strip()).append(i + 1 < documents.size() ? "\n" : "\n\n");
        }
        return text.toString();
    }

    /** A multiple-choice item as lm-eval reads it: the prefix, the delimiter, the option. */
    public static String statement(String prefix, String option) {
        return prefix + TARGET_DELIMITER + option;
    }

    /** augment-service's local prompt for one sentence. */
    public static String local(String sentence) {
        return render(LOCAL_BODY, "sentence", "<sentence>" + escape(sentence.strip()) + "</sentence>", null, null);
    }

    /** augment-service's global prompt: the context documents, then the focus document. */
    public static String global(List<Document> context, Document focus) {
        String documents = context.stream().map(d -> document(d.id(), d.text())).collect(Collectors.joining("\n"));
        return render(GLOBAL_BODY, "documents", documents, "focus", document(focus.id(), focus.text()));
    }

    /** The template's instruction text (comments dropped, placeholders kept), for the vocabulary. */
    public static List<String> templateTexts() {
        return List.of(INSTRUCTION, LOCAL_BODY, GLOBAL_BODY);
    }

    /** A document between markers, as augment-service's {@code PromptMarkers.document} writes it. */
    static String document(String id, String text) {
        return "<document id=\"" + escape(id).replace("\"", "'") + "\">\n" + escape(text.strip()) + "\n</document>";
    }

    private static String escape(String userText) {
        return MARKER.matcher(userText).replaceAll("\u2039");
    }

    private static String render(String body, String name, String value, String otherName, String otherValue) {
        Matcher m = PLACEHOLDER.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String placeholder = m.group(1);
            String replacement = placeholder.equals(name) ? value
                    : placeholder.equals(otherName) ? otherValue : null;
            if (replacement == null) {
                throw new IllegalStateException("No value for {{" + placeholder + "}} in a curriculum template");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The template as augment-service's {@code PromptTemplate} reads it: no ## lines, trimmed, one line end. */
    private static String body(String name) {
        String text;
        try (InputStream in = PromptFormats.class.getResourceAsStream("/dev/aft/reference/templates/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing template resource " + name);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder body = new StringBuilder();
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            if (!line.startsWith("##")) {
                body.append(line).append('\n');
            }
        }
        return body.toString().strip() + "\n";
    }
}
