package dev.aft.model.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Jinja template into text, {@code {{ expression }}} and {@code {% statement %}} pieces, applying
 * {@code -} whitespace control and the {@code trim_blocks} / {@code lstrip_blocks} settings Hugging Face
 * renders chat templates with. Comments ({@code {# #}}) are dropped.
 */
final class TemplateLexer {

    enum Kind { TEXT, EXPRESSION, STATEMENT }

    record Piece(Kind kind, String content) {
    }

    private TemplateLexer() {
    }

    static List<Piece> split(String template) {
        List<Piece> pieces = new ArrayList<>();
        int i = 0;
        boolean trimNextLeading = false;
        boolean trimNextNewline = false;
        while (i < template.length()) {
            int open = nextOpen(template, i);
            String text = template.substring(i, open < 0 ? template.length() : open);
            if (trimNextLeading) {
                text = stripLeading(text);
            } else if (trimNextNewline && text.startsWith("\n")) {
                text = text.substring(1);
            } else if (trimNextNewline && text.startsWith("\r\n")) {
                text = text.substring(2);
            }
            trimNextLeading = false;
            trimNextNewline = false;
            if (open < 0) {
                add(pieces, text);
                break;
            }
            char type = template.charAt(open + 1);
            boolean minusBefore = open + 2 < template.length() && template.charAt(open + 2) == '-';
            boolean plusBefore = open + 2 < template.length() && template.charAt(open + 2) == '+';
            String close = type == '{' ? "}}" : type == '%' ? "%}" : "#}";
            int end = template.indexOf(close, open + 2);
            if (end < 0) {
                throw new TemplateException("Unclosed '{" + type + "' at character " + open);
            }
            boolean minusAfter = end > open + 2 && template.charAt(end - 1) == '-';
            if (minusBefore) {
                text = stripTrailing(text);
            } else if (type == '%' && !plusBefore) {
                text = lstripBlock(template, open, text);
            }
            add(pieces, text);
            int contentStart = open + 2 + (minusBefore || plusBefore ? 1 : 0);
            int contentEnd = minusAfter ? end - 1 : end;
            String content = template.substring(contentStart, Math.max(contentStart, contentEnd)).trim();
            if (type == '{') {
                pieces.add(new Piece(Kind.EXPRESSION, content));
            } else if (type == '%') {
                pieces.add(new Piece(Kind.STATEMENT, content));
            }
            trimNextLeading = minusAfter;
            trimNextNewline = !minusAfter && type != '{';
            i = end + 2;
        }
        return pieces;
    }

    private static int nextOpen(String template, int from) {
        int i = from;
        while (true) {
            int open = template.indexOf('{', i);
            if (open < 0 || open + 1 >= template.length()) {
                return -1;
            }
            char next = template.charAt(open + 1);
            if (next == '{' || next == '%' || next == '#') {
                return open;
            }
            i = open + 1;
        }
    }

    private static void add(List<Piece> pieces, String text) {
        if (!text.isEmpty()) {
            pieces.add(new Piece(Kind.TEXT, text));
        }
    }

    /** lstrip_blocks: spaces and tabs between the start of a source line and a block tag are dropped. */
    private static String lstripBlock(String template, int open, String text) {
        int i = open;
        while (i > 0 && (template.charAt(i - 1) == ' ' || template.charAt(i - 1) == '\t')) {
            i--;
        }
        if (i > 0 && template.charAt(i - 1) != '\n') {
            return text;
        }
        return text.substring(0, text.length() - Math.min(open - i, text.length()));
    }

    private static String stripLeading(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return text.substring(i);
    }

    private static String stripTrailing(String text) {
        int i = text.length();
        while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return text.substring(0, i);
    }
}
