package dev.aft.model.chat;

import java.util.ArrayList;
import java.util.List;

/** Tokens of a Jinja expression: words, numbers, quoted strings (with escapes) and operators. */
final class ExpressionTokens {

    enum Kind { WORD, NUMBER, STRING, SYMBOL }

    record Token(Kind kind, String text) {
        boolean isWord(String word) {
            return kind == Kind.WORD && text.equals(word);
        }

        boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }
    }

    private static final List<String> SYMBOLS = List.of("==", "!=", "<=", ">=", "<", ">", "+", "-", "~", "//", "*", "/", "%", "(", ")",
            "[", "]", ".", ",", ":", "|", "=");

    private ExpressionTokens() {
    }

    static List<Token> tokenize(String source) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                StringBuilder text = new StringBuilder();
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != c) {
                    char d = source.charAt(j);
                    if (d == '\\' && j + 1 < source.length()) {
                        char e = source.charAt(++j);
                        text.append(switch (e) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            default -> e;
                        });
                    } else {
                        text.append(d);
                    }
                    j++;
                }
                if (j >= source.length()) {
                    throw new TemplateException("Unterminated string in expression '" + source + "'");
                }
                tokens.add(new Token(Kind.STRING, text.toString()));
                i = j + 1;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < source.length() && (Character.isDigit(source.charAt(j)) || source.charAt(j) == '.')) {
                    j++;
                }
                tokens.add(new Token(Kind.NUMBER, source.substring(i, j)));
                i = j;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < source.length() && (Character.isLetterOrDigit(source.charAt(j)) || source.charAt(j) == '_')) {
                    j++;
                }
                tokens.add(new Token(Kind.WORD, source.substring(i, j)));
                i = j;
            } else {
                String symbol = null;
                for (String candidate : SYMBOLS) {
                    if (source.startsWith(candidate, i)) {
                        symbol = candidate;
                        break;
                    }
                }
                if (symbol == null) {
                    throw new TemplateException("Unsupported character '" + c + "' in expression '" + source + "'");
                }
                tokens.add(new Token(Kind.SYMBOL, symbol));
                i += symbol.length();
            }
        }
        return tokens;
    }
}
