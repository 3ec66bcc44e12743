package dev.aft.augment.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt template: plain text with {@code {{placeholder}}}s. Lines starting with {@code ##} are comments; the
 * comment {@code ## stop: ["...", ...]} (a JSON array) names the stop sequences sent with every request. The
 * service fills the placeholders with delimited user data ({@link PromptMarkers}); every other line of the
 * template is instruction text, and output that repeats it is dropped as an echo.
 */
public final class PromptTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");
    private static final Pattern STOP = Pattern.compile("^##\\s*stop:\\s*(.*?)\\s*$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final String body;
    private final List<String> stop;
    private final Set<String> placeholders;

    private PromptTemplate(String name, String body, List<String> stop, Set<String> placeholders) {
        this.name = name;
        this.body = body;
        this.stop = stop;
        this.placeholders = placeholders;
    }

    /**
     * Parses a template; {@code allowed} are the placeholders it may use and {@code required} those it must.
     * A problem is an {@link IllegalArgumentException} naming the template.
     */
    public static PromptTemplate parse(String name, String text, Set<String> allowed, Set<String> required) {
        List<String> stop = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            if (line.startsWith("##")) {
                Matcher m = STOP.matcher(line);
                if (m.matches()) {
                    try {
                        stop.addAll(JSON.readValue(m.group(1), new TypeReference<List<String>>() { }));
                    } catch (JsonProcessingException e) {
                        throw new IllegalArgumentException(name + ": the stop comment is not a JSON array of strings: "
                                + line, e);
                    }
                }
                continue;
            }
            body.append(line).append('\n');
        }
        String trimmed = body.toString().strip();
        Set<String> used = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(trimmed);
        while (m.find()) {
            if (!allowed.contains(m.group(1))) {
                throw new IllegalArgumentException(name + ": unknown placeholder {{" + m.group(1) + "}} (allowed: "
                        + String.join(", ", allowed) + ")");
            }
            used.add(m.group(1));
        }
        for (String needed : required) {
            if (!used.contains(needed)) {
                throw new IllegalArgumentException(name + ": must use {{" + needed + "}}");
            }
        }
        if (stop.size() > 4) {
            throw new IllegalArgumentException(name + ": at most 4 stop sequences (OpenAI's limit), got " + stop.size());
        }
        // A completion continues the prompt: end on the last line of the template, then a line break.
        return new PromptTemplate(name, trimmed + "\n", List.copyOf(stop), Set.copyOf(used));
    }

    public String name() {
        return name;
    }

    public List<String> stop() {
        return stop;
    }

    public boolean uses(String placeholder) {
        return placeholders.contains(placeholder);
    }

    /** The prompt with every placeholder replaced by its (already delimited) value. */
    public String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(name + ": no value for {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The template's own text, placeholders removed: what output must not repeat. */
    public List<String> instructionLines() {
        List<String> lines = new ArrayList<>();
        for (String line : PLACEHOLDER.matcher(body).replaceAll("\n").split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }
}
