package dev.iafbt.rank;

import dev.iafbt.index.IndexSchema;
import dev.iafbt.index.SqlDialect;
import dev.iafbt.rank.SqlToken.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a raw SQL {@code WHERE} filter and rewrites it from its tokens, so that what runs is
 * exactly what was checked. Every word must be a known column (bare metric names get the
 * {@code summary_} prefix), an expression keyword, or one of a few scalar functions; anything
 * else, a {@code SELECT} included, is refused. Parentheses must balance so the filter cannot close
 * the wrapping {@code ( … )} early. The reference runs the text verbatim. The grammar is SQLite's on
 * every backend; the index's {@link SqlDialect} renders each keyword, function, operator and number.
 */
final class FilterValidator {
    static final Set<String> KEYWORDS = Set.of(
            "AND", "OR", "NOT", "IS", "NULL", "LIKE", "GLOB", "IN", "BETWEEN", "ESCAPE", "TRUE",
            "FALSE", "CASE", "WHEN", "THEN", "ELSE", "END", "CAST", "AS", "REAL", "INTEGER", "TEXT",
            "NUMERIC", "COLLATE", "NOCASE", "BINARY", "RTRIM");
    static final Set<String> FUNCTIONS = Set.of(
            "abs", "coalesce", "ifnull", "nullif", "lower", "upper", "length", "round", "min", "max",
            "substr", "instr", "trim", "typeof", "json_extract");

    private FilterValidator() {
    }

    /** The filter as SQL ready to wrap in parentheses, and how many {@code ?} it binds. */
    record ValidatedFilter(String sql, int parameterCount) {
    }

    static ValidatedFilter validate(String filter, ColumnResolver columns, SqlDialect dialect) {
        List<SqlToken> tokens = SqlFilterTokenizer.tokenize(filter);
        if (tokens.isEmpty()) {
            throw new QueryException("invalid filter \"" + filter + "\": it is empty; omit the filter"
                    + " to select every row");
        }
        StringBuilder sql = new StringBuilder();
        int depth = 0;
        int parameters = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            boolean callsFunction = i + 1 < tokens.size() && tokens.get(i + 1).kind() == Kind.OPEN_PAREN;
            String text = switch (token.kind()) {
                case WORD -> word(token.text(), callsFunction, filter, columns, dialect);
                case QUOTED_IDENTIFIER -> IndexSchema.quote(columns.resolve(token.text(), "filter"));
                case OPEN_PAREN -> {
                    depth++;
                    yield "(";
                }
                case CLOSE_PAREN -> {
                    if (--depth < 0) {
                        throw new QueryException("invalid filter \"" + filter + "\": unbalanced ')'");
                    }
                    yield ")";
                }
                case PARAMETER -> {
                    parameters++;
                    yield "?";
                }
                case OPERATOR -> dialect.filterOperator(token.text())
                        .orElseThrow(() -> unsupported(filter, "operator '" + token.text() + "'", dialect));
                case NUMBER -> dialect.filterNumber(token.text());
                default -> token.text();
            };
            if (sql.length() > 0) {
                sql.append(' ');
            }
            sql.append(text);
        }
        if (depth != 0) {
            throw new QueryException("invalid filter \"" + filter + "\": unbalanced '('");
        }
        return new ValidatedFilter(sql.toString(), parameters);
    }

    private static String word(String word, boolean callsFunction, String filter, ColumnResolver columns,
            SqlDialect dialect) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (callsFunction && FUNCTIONS.contains(lower)) {
            return dialect.filterFunction(lower).orElseThrow(() -> unsupported(filter, "function '" + lower + "'", dialect));
        }
        String upper = word.toUpperCase(Locale.ROOT);
        if (KEYWORDS.contains(upper)) {
            return dialect.filterKeyword(upper).orElseThrow(() -> unsupported(filter, "'" + upper + "'", dialect));
        }
        if (callsFunction) {
            throw new QueryException("invalid filter \"" + filter + "\": function '" + word
                    + "' is not allowed; allowed functions are " + String.join(", ", FUNCTIONS.stream().sorted().toList()));
        }
        return IndexSchema.quote(columns.resolve(word, "filter"));
    }

    /**
     * The grammar is the same on every backend; what one backend cannot run with the same result
     * is refused there by name rather than run differently.
     */
    private static QueryException unsupported(String filter, String what, SqlDialect dialect) {
        return new QueryException("invalid filter \"" + filter + "\": " + what + " has no equivalent with the same"
                + " results on a " + dialect.name() + " index; rewrite the condition without it");
    }
}
