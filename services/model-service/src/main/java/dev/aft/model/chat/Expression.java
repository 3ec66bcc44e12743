package dev.aft.model.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Jinja expressions of the subset chat templates use: string, number and boolean literals, names,
 * {@code a.b}, {@code a['b']}, {@code a[1:]}, {@code +}, {@code ~}, {@code - * / // %}, comparisons, {@code in}, {@code and},
 * {@code or}, {@code not}, {@code is [not] defined|none|string|number}, filters {@code trim}, {@code length},
 * {@code upper}, {@code lower}, string methods ({@code strip}, {@code startswith}, ...) and
 * {@code raise_exception(...)}.
 */
interface Expression {

    Object evaluate(Map<String, Object> scope);

    static Expression parse(String source) {
        Parser parser = new Parser(ExpressionTokens.tokenize(source), source);
        Expression expression = parser.expression();
        parser.expectEnd();
        return expression;
    }

    /** Recursive descent over the tokens, lowest precedence first. */
    final class Parser {
        private final List<ExpressionTokens.Token> tokens;
        private final String source;
        private int position;

        Parser(List<ExpressionTokens.Token> tokens, String source) {
            this.tokens = tokens;
            this.source = source;
        }

        Expression expression() {
            Expression value = or();
            if (peekWord("if")) {
                next();
                Expression condition = or();
                Expression otherwise = scope -> "";
                if (peekWord("else")) {
                    next();
                    otherwise = or();
                }
                Expression then = value;
                Expression orElse = otherwise;
                return scope -> Values.truthy(condition.evaluate(scope)) ? then.evaluate(scope) : orElse.evaluate(scope);
            }
            return value;
        }

        private Expression or() {
            Expression left = and();
            while (peekWord("or")) {
                next();
                Expression l = left;
                Expression r = and();
                left = scope -> Values.truthy(l.evaluate(scope)) || Values.truthy(r.evaluate(scope));
            }
            return left;
        }

        private Expression and() {
            Expression left = not();
            while (peekWord("and")) {
                next();
                Expression l = left;
                Expression r = not();
                left = scope -> Values.truthy(l.evaluate(scope)) && Values.truthy(r.evaluate(scope));
            }
            return left;
        }

        private Expression not() {
            if (peekWord("not")) {
                next();
                Expression operand = not();
                return scope -> !Values.truthy(operand.evaluate(scope));
            }
            return comparison();
        }

        private Expression comparison() {
            Expression left = additive();
            while (true) {
                ExpressionTokens.Token token = peek();
                if (token == null) {
                    return left;
                }
                Expression l = left;
                if (token.isSymbol("==") || token.isSymbol("!=") || token.isSymbol("<") || token.isSymbol(">")
                        || token.isSymbol("<=") || token.isSymbol(">=")) {
                    next();
                    Expression r = additive();
                    String op = token.text();
                    left = scope -> Values.compare(op, l.evaluate(scope), r.evaluate(scope));
                } else if (token.isWord("in") || (token.isWord("not") && peekWord(1, "in"))) {
                    boolean negate = token.isWord("not");
                    next();
                    if (negate) {
                        next();
                    }
                    Expression r = additive();
                    left = scope -> negate != Values.contains(r.evaluate(scope), l.evaluate(scope));
                } else if (token.isWord("is")) {
                    next();
                    boolean negate = false;
                    if (peekWord("not")) {
                        next();
                        negate = true;
                    }
                    String test = name();
                    if (!Values.TESTS.contains(test)) {
                        throw new TemplateException("Unsupported test 'is " + test + "' in chat template expression '"
                                + source + "'");
                    }
                    boolean n = negate;
                    left = scope -> n != Values.test(test, l.evaluate(scope));
                } else {
                    return left;
                }
            }
        }

        private Expression additive() {
            Expression left = multiplicative();
            while (peekSymbol("+") || peekSymbol("~") || peekSymbol("-")) {
                String op = next().text();
                Expression l = left;
                Expression r = multiplicative();
                left = scope -> Values.add(op, l.evaluate(scope), r.evaluate(scope));
            }
            return left;
        }

        private Expression multiplicative() {
            Expression left = postfix();
            while (peekSymbol("*") || peekSymbol("/") || peekSymbol("//") || peekSymbol("%")) {
                String op = next().text();
                Expression l = left;
                Expression r = postfix();
                left = scope -> Values.multiply(op, l.evaluate(scope), r.evaluate(scope));
            }
            return left;
        }

        private Expression postfix() {
            Expression value = primary();
            while (true) {
                if (peekSymbol(".")) {
                    next();
                    String attribute = name();
                    if (peekSymbol("(")) {
                        List<Expression> arguments = arguments();
                        Expression target = value;
                        value = scope -> Values.callMethod(target.evaluate(scope), attribute, evaluate(arguments, scope));
                    } else {
                        Expression target = value;
                        value = scope -> Values.attribute(target.evaluate(scope), attribute);
                    }
                } else if (peekSymbol("[")) {
                    next();
                    value = subscript(value);
                } else if (peekSymbol("|")) {
                    next();
                    String filter = name();
                    if (!Values.FILTERS.contains(filter)) {
                        throw new TemplateException("Unsupported filter '|" + filter + "' in chat template expression '"
                                + source + "'");
                    }
                    List<Expression> arguments = peekSymbol("(") ? arguments() : List.of();
                    Expression target = value;
                    value = scope -> Values.filter(filter, target.evaluate(scope), evaluate(arguments, scope));
                } else {
                    return value;
                }
            }
        }

        private Expression subscript(Expression target) {
            Expression start = peekSymbol(":") ? null : expression();
            if (peekSymbol(":")) {
                next();
                Expression end = peekSymbol("]") ? null : expression();
                expect("]");
                return scope -> Values.slice(target.evaluate(scope), start == null ? null : start.evaluate(scope),
                        end == null ? null : end.evaluate(scope));
            }
            expect("]");
            return scope -> Values.item(target.evaluate(scope), start.evaluate(scope));
        }

        private List<Expression> arguments() {
            expect("(");
            List<Expression> arguments = new ArrayList<>();
            while (!peekSymbol(")")) {
                arguments.add(expression());
                if (!peekSymbol(")")) {
                    expect(",");
                }
            }
            expect(")");
            return arguments;
        }

        private Expression primary() {
            ExpressionTokens.Token token = next();
            if (token == null) {
                throw new TemplateException("Unexpected end of expression '" + source + "'");
            }
            switch (token.kind()) {
                case STRING -> {
                    String text = token.text();
                    return scope -> text;
                }
                case NUMBER -> {
                    Object number = token.text().contains(".") ? (Object) Double.parseDouble(token.text())
                            : (Object) Long.parseLong(token.text());
                    return scope -> number;
                }
                case WORD -> {
                    return word(token.text());
                }
                default -> {
                    if (token.isSymbol("(")) {
                        Expression inner = expression();
                        expect(")");
                        return inner;
                    }
                    if (token.isSymbol("[")) {
                        List<Expression> items = new ArrayList<>();
                        while (!peekSymbol("]")) {
                            items.add(expression());
                            if (!peekSymbol("]")) {
                                expect(",");
                            }
                        }
                        expect("]");
                        return scope -> evaluate(items, scope);
                    }
                    throw new TemplateException("Unexpected '" + token.text() + "' in expression '" + source + "'");
                }
            }
        }

        private Expression word(String word) {
            switch (word) {
                case "true", "True" -> {
                    return scope -> Boolean.TRUE;
                }
                case "false", "False" -> {
                    return scope -> Boolean.FALSE;
                }
                case "none", "None" -> {
                    return scope -> null;
                }
                case "raise_exception" -> {
                    List<Expression> arguments = arguments();
                    return scope -> {
                        List<Object> values = evaluate(arguments, scope);
                        throw new TemplateException(values.isEmpty() ? "raise_exception" : Values.string(values.get(0)));
                    };
                }
                default -> {
                    if (peekSymbol("(")) {
                        throw new TemplateException("Unsupported function '" + word + "' in chat template expression '"
                                + source + "'");
                    }
                    return scope -> scope.containsKey(word) ? scope.get(word) : Values.UNDEFINED;
                }
            }
        }

        private static List<Object> evaluate(List<Expression> expressions, Map<String, Object> scope) {
            List<Object> values = new ArrayList<>(expressions.size());
            for (Expression expression : expressions) {
                values.add(expression.evaluate(scope));
            }
            return values;
        }

        String name() {
            ExpressionTokens.Token token = next();
            if (token == null || token.kind() != ExpressionTokens.Kind.WORD) {
                throw new TemplateException("Expected a name in expression '" + source + "'");
            }
            return token.text();
        }

        void expect(String symbol) {
            ExpressionTokens.Token token = next();
            if (token == null || !token.isSymbol(symbol)) {
                throw new TemplateException("Expected '" + symbol + "' in expression '" + source + "'");
            }
        }

        void expectEnd() {
            if (position < tokens.size()) {
                throw new TemplateException("Unsupported syntax '" + tokens.get(position).text() + "' in expression '"
                        + source + "'");
            }
        }

        boolean atEnd() {
            return position >= tokens.size();
        }

        ExpressionTokens.Token peek() {
            return position < tokens.size() ? tokens.get(position) : null;
        }

        boolean peekWord(String word) {
            return peekWord(0, word);
        }

        private boolean peekWord(int ahead, String word) {
            return position + ahead < tokens.size() && tokens.get(position + ahead).isWord(word);
        }

        boolean peekSymbol(String symbol) {
            ExpressionTokens.Token token = peek();
            return token != null && token.isSymbol(symbol);
        }

        ExpressionTokens.Token next() {
            return position < tokens.size() ? tokens.get(position++) : null;
        }
    }
}
