package dev.iafbt.rank;

import dev.iafbt.index.IndexSchema;
import dev.iafbt.rank.SqlToken.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a raw SQL {@code WHERE} filter and rewrites it from its tokens, so that what runs is
 * exactly what was checked. Every word must be a known column (bare metric names get the
 * {@code summary_} prefix), an expression keyword, or one of a few scalar functions; anything
 * else, a {@code SELECT} included, is refused. Parentheses must balance so the filter cannot close
 * the wrapping {@code ( … )} early. The reference runs the text verbatim.
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

    static ValidatedFilter validate(String filter, ColumnResolver columns) {
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
                case WORD -> word(token.text(), callsFunction, filter, columns);
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

    private static String word(String word, boolean callsFunction, String filter, ColumnResolver columns) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (callsFunction && FUNCTIONS.contains(lower)) {
            return lower;
        }
        String upper = word.toUpperCase(Locale.ROOT);
        if (KEYWORDS.contains(upper)) {
            return upper;
        }
        if (callsFunction) {
            throw new QueryException("invalid filter \"" + filter + "\": function '" + word
                    + "' is not allowed; allowed functions are " + String.join(", ", FUNCTIONS.stream().sorted().toList()));
        }
        return IndexSchema.quote(columns.resolve(word, "filter"));
    }
}
