package dev.aft.model.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Hugging Face chat template ({@code chat_template} of {@code tokenizer_config.json}) in the Jinja subset
 * chat templates use: text, {@code {{ expression }}}, {@code {% for x in ... %}} (with {@code loop.first},
 * {@code loop.last}, {@code loop.index}, ...), {@code {% if %}/{% elif %}/{% else %}}, {@code {% set %}},
 * whitespace control, and the variables {@code messages}, {@code bos_token}, {@code eos_token},
 * {@code add_generation_prompt}. Anything else fails to parse with a {@link TemplateException} naming it.
 */
public final class ChatTemplate {

    /** One chat message. */
    public record Message(String role, String content) {
    }

    private interface Node {
        void render(Map<String, Object> scope, StringBuilder out);
    }

    private final List<Node> nodes;

    private ChatTemplate(List<Node> nodes) {
        this.nodes = nodes;
    }

    public static ChatTemplate parse(String template) {
        Builder builder = new Builder(TemplateLexer.split(template));
        List<Node> nodes = builder.block(List.of());
        if (!builder.atEnd()) {
            throw new TemplateException("Unexpected '{% " + builder.current() + " %}' in chat template");
        }
        return new ChatTemplate(nodes);
    }

    public String render(List<Message> messages, String bosToken, String eosToken, boolean addGenerationPrompt) {
        List<Object> list = new ArrayList<>();
        for (Message message : messages) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("role", message.role());
            map.put("content", message.content());
            list.add(map);
        }
        Map<String, Object> scope = new HashMap<>();
        scope.put("messages", list);
        scope.put("bos_token", bosToken);
        scope.put("eos_token", eosToken);
        scope.put("add_generation_prompt", addGenerationPrompt);
        StringBuilder out = new StringBuilder();
        nodes.forEach(node -> node.render(scope, out));
        return out.toString();
    }

    /** Builds the node tree from the lexer's pieces, statement by statement. */
    private static final class Builder {
        private final List<TemplateLexer.Piece> pieces;
        private int position;

        Builder(List<TemplateLexer.Piece> pieces) {
            this.pieces = pieces;
        }

        boolean atEnd() {
            return position >= pieces.size();
        }

        String current() {
            return pieces.get(position).content();
        }

        /** Nodes up to (not including) a statement whose first word is one of {@code terminators}. */
        List<Node> block(List<String> terminators) {
            List<Node> nodes = new ArrayList<>();
            while (position < pieces.size()) {
                TemplateLexer.Piece piece = pieces.get(position);
                switch (piece.kind()) {
                    case TEXT -> {
                        String text = piece.content();
                        nodes.add((scope, out) -> out.append(text));
                        position++;
                    }
                    case EXPRESSION -> {
                        Expression expression = Expression.parse(piece.content());
                        nodes.add((scope, out) -> out.append(Values.string(expression.evaluate(scope))));
                        position++;
                    }
                    case STATEMENT -> {
                        String keyword = firstWord(piece.content());
                        if (terminators.contains(keyword)) {
                            return nodes;
                        }
                        position++;
                        nodes.add(statement(keyword, piece.content().substring(keyword.length()).trim()));
                    }
                }
            }
            if (!terminators.isEmpty()) {
                throw new TemplateException("Missing '{% " + terminators.get(terminators.size() - 1)
                        + " %}' in chat template");
            }
            return nodes;
        }

        private Node statement(String keyword, String rest) {
            return switch (keyword) {
                case "for" -> forLoop(rest);
                case "if" -> conditional(rest);
                case "set" -> assignment(rest);
                default -> throw new TemplateException("Unsupported statement '{% " + keyword + " %}' in chat template");
            };
        }

        private Node forLoop(String rest) {
            int in = rest.indexOf(" in ");
            if (in < 0) {
                throw new TemplateException("Expected '{% for name in ... %}' in chat template, got 'for " + rest + "'");
            }
            String variable = rest.substring(0, in).trim();
            if (!variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new TemplateException("Unsupported loop variable '" + variable + "' in chat template");
            }
            Expression iterable = Expression.parse(rest.substring(in + 4));
            List<Node> body = block(List.of("endfor"));
            position++;
            return (scope, out) -> {
                Object items = iterable.evaluate(scope);
                if (!(items instanceof List<?> list)) {
                    throw new TemplateException("'for " + variable + "' needs a list, got " + Values.string(items));
                }
                for (int i = 0; i < list.size(); i++) {
                    Map<String, Object> inner = new HashMap<>(scope);
                    inner.put(variable, list.get(i));
                    Map<String, Object> loop = new HashMap<>();
                    loop.put("index", (long) i + 1);
                    loop.put("index0", (long) i);
                    loop.put("revindex", (long) (list.size() - i));
                    loop.put("revindex0", (long) (list.size() - i - 1));
                    loop.put("first", i == 0);
                    loop.put("last", i == list.size() - 1);
                    loop.put("length", (long) list.size());
                    inner.put("loop", loop);
                    for (Node node : body) {
                        node.render(inner, out);
                    }
                }
            };
        }

        private Node conditional(String condition) {
            List<Expression> conditions = new ArrayList<>();
            List<List<Node>> branches = new ArrayList<>();
            conditions.add(Expression.parse(condition));
            branches.add(block(List.of("elif", "else", "endif")));
            List<Node> otherwise = List.of();
            while (true) {
                String statement = current();
                String keyword = firstWord(statement);
                position++;
                if (keyword.equals("elif")) {
                    conditions.add(Expression.parse(statement.substring(4)));
                    branches.add(block(List.of("elif", "else", "endif")));
                } else if (keyword.equals("else")) {
                    otherwise = block(List.of("endif"));
                } else {
                    break;
                }
            }
            List<Node> elseBranch = otherwise;
            return (scope, out) -> {
                for (int i = 0; i < conditions.size(); i++) {
                    if (Values.truthy(conditions.get(i).evaluate(scope))) {
                        branches.get(i).forEach(node -> node.render(scope, out));
                        return;
                    }
                }
                elseBranch.forEach(node -> node.render(scope, out));
            };
        }

        private Node assignment(String rest) {
            int equals = rest.indexOf('=');
            if (equals < 0) {
                throw new TemplateException("Expected '{% set name = ... %}' in chat template");
            }
            String name = rest.substring(0, equals).trim();
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new TemplateException("Unsupported assignment target '" + name + "' in chat template");
            }
            Expression value = Expression.parse(rest.substring(equals + 1));
            return (scope, out) -> scope.put(name, value.evaluate(scope));
        }

        private static String firstWord(String statement) {
            int end = 0;
            while (end < statement.length() && !Character.isWhitespace(statement.charAt(end))) {
                end++;
            }
            return statement.substring(0, end);
        }
    }
}
