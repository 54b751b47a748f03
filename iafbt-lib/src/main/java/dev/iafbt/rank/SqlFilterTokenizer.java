package dev.iafbt.rank;

import dev.iafbt.rank.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code WHERE} filter into tokens and rejects, up front, everything a plain condition
 * never needs: a {@code ;} (a second statement), comments (which could hide one), qualified
 * names, bracket/backtick quoting and any other character SQLite would not read as part of an
 * expression. The reference passes the filter to SQLite verbatim;
 * tokenizing first lets {@link FilterValidator} check every identifier.
 */
final class SqlFilterTokenizer {
    private static final String[] OPERATORS = {
        "<=", ">=", "<>", "!=", "==", "||", "<<", ">>", "=", "<", ">", "+", "-", "*", "/", "%", "&", "|", "~"
    };

    private final String filter;
    private int pos;

    private SqlFilterTokenizer(String filter) {
        this.filter = filter;
    }

    static List<SqlToken> tokenize(String filter) {
        return new SqlFilterTokenizer(filter).run();
    }

    private List<SqlToken> run() {
        List<SqlToken> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (pos >= filter.length()) {
                return tokens;
            }
            tokens.add(next());
        }
    }

    private SqlToken next() {
        char c = filter.charAt(pos);
        if (filter.startsWith("--", pos) || filter.startsWith("/*", pos)) {
            throw reject("comments are not allowed");
        }
        switch (c) {
            case ';':
                throw reject("';' is not allowed: the filter must be one condition, not statements");
            case '\'':
                return new SqlToken(Kind.STRING, quoted('\''));
            case '"':
                String q = quoted('"');
                return new SqlToken(Kind.QUOTED_IDENTIFIER, q.substring(1, q.length() - 1).replace("\"\"", "\""));
            case '(':
                pos++;
                return new SqlToken(Kind.OPEN_PAREN, "(");
            case ')':
                pos++;
                return new SqlToken(Kind.CLOSE_PAREN, ")");
            case ',':
                pos++;
                return new SqlToken(Kind.COMMA, ",");
            case '?':
                pos++;
                return new SqlToken(Kind.PARAMETER, "?");
            case '.':
                if (pos + 1 < filter.length() && Character.isDigit(filter.charAt(pos + 1))) {
                    return number();
                }
                throw reject("qualified names (table.column) are not allowed; use the bare column name");
            default:
                break;
        }
        if (Character.isDigit(c)) {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < filter.length() && (Character.isLetterOrDigit(filter.charAt(pos))
                    || filter.charAt(pos) == '_' || filter.charAt(pos) == '$')) {
                pos++;
            }
            return new SqlToken(Kind.WORD, filter.substring(start, pos));
        }
        for (String op : OPERATORS) {
            if (filter.startsWith(op, pos)) {
                pos += op.length();
                return new SqlToken(Kind.OPERATOR, op);
            }
        }
        throw reject("unexpected character '" + c + "'");
    }

    /** A quoted run with the quote doubled inside, returned verbatim including the quotes. */
    private String quoted(char quote) {
        int start = pos++;
        while (pos < filter.length()) {
            if (filter.charAt(pos) == quote) {
                if (pos + 1 < filter.length() && filter.charAt(pos + 1) == quote) {
                    pos += 2;
                    continue;
                }
                pos++;
                return filter.substring(start, pos);
            }
            pos++;
        }
        throw reject("unterminated " + (quote == '\'' ? "string literal" : "quoted identifier"));
    }

    private SqlToken number() {
        int start = pos;
        if (filter.startsWith("0x", pos) || filter.startsWith("0X", pos)) {
            pos += 2;
            while (pos < filter.length() && Character.digit(filter.charAt(pos), 16) >= 0) {
                pos++;
            }
        } else {
            while (pos < filter.length() && (Character.isDigit(filter.charAt(pos)) || filter.charAt(pos) == '.')) {
                pos++;
            }
            if (pos < filter.length() && (filter.charAt(pos) == 'e' || filter.charAt(pos) == 'E')) {
                pos++;
                if (pos < filter.length() && (filter.charAt(pos) == '+' || filter.charAt(pos) == '-')) {
                    pos++;
                }
                while (pos < filter.length() && Character.isDigit(filter.charAt(pos))) {
                    pos++;
                }
            }
        }
        if (pos < filter.length() && (Character.isLetter(filter.charAt(pos)) || filter.charAt(pos) == '_')) {
            throw reject("malformed number '" + filter.substring(start, pos + 1) + "'");
        }
        return new SqlToken(Kind.NUMBER, filter.substring(start, pos));
    }

    private void skipWhitespace() {
        while (pos < filter.length() && Character.isWhitespace(filter.charAt(pos))) {
            pos++;
        }
    }

    private QueryException reject(String problem) {
        return new QueryException("invalid filter \"" + filter + "\" at offset " + pos + ": " + problem);
    }
}
