package dev.iafbt.internal.json;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what {@link PythonJson#dumps} (or Python's {@code json.dumps}) writes, the way
 * {@code json.loads} does: numbers with a fraction or exponent become Double, others Long (or
 * BigInteger when too large), {@code NaN}/{@code Infinity}/{@code -Infinity} are accepted, and
 * objects keep their key order. Malformed text throws {@link IllegalArgumentException} with the
 * offset.
 */
final class PythonJsonReader {
    private final String text;
    private int pos;

    PythonJsonReader(String text) {
        this.text = text;
    }

    Object readDocument() {
        Object value = readValue();
        skipWhitespace();
        if (pos != text.length()) {
            throw error("extra data");
        }
        return value;
    }

    private Object readValue() {
        skipWhitespace();
        if (pos >= text.length()) {
            throw error("unexpected end of JSON text");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return readObject();
            case '[':
                return readArray();
            case '"':
                return readString();
            default:
                break;
        }
        if (consume("null")) {
            return null;
        }
        if (consume("true")) {
            return Boolean.TRUE;
        }
        if (consume("false")) {
            return Boolean.FALSE;
        }
        if (consume("NaN")) {
            return Double.NaN;
        }
        if (consume("Infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        if (consume("-Infinity")) {
            return Double.NEGATIVE_INFINITY;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return readNumber();
        }
        throw error("unexpected character '" + c + "'");
    }

    private Map<String, Object> readObject() {
        pos++; // '{'
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (consume("}")) {
            return map;
        }
        do {
            skipWhitespace();
            if (pos >= text.length() || text.charAt(pos) != '"') {
                throw error("expected a string key");
            }
            String key = readString();
            skipWhitespace();
            expect(':');
            map.put(key, readValue());
            skipWhitespace();
        } while (consume(","));
        expect('}');
        return map;
    }

    private List<Object> readArray() {
        pos++; // '['
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (consume("]")) {
            return list;
        }
        do {
            list.add(readValue());
            skipWhitespace();
        } while (consume(","));
        expect(']');
        return list;
    }

    private String readString() {
        pos++; // opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("unterminated escape");
            }
            char escaped = text.charAt(pos++);
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> out.append(readHexUnit());
                default -> throw error("invalid escape \\" + escaped);
            }
        }
    }

    private char readHexUnit() {
        if (pos + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        try {
            char unit = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
            pos += 4;
            return unit;
        } catch (NumberFormatException e) {
            throw error("invalid \\u escape");
        }
    }

    private Number readNumber() {
        int start = pos;
        boolean floating = false;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c >= '0' && c <= '9') {
                pos++;
            } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                floating = true;
                pos++;
            } else {
                break;
            }
        }
        String token = text.substring(start, pos);
        try {
            if (floating) {
                return Double.parseDouble(token);
            }
            BigInteger big = new BigInteger(token);
            return big.bitLength() < 64 ? (Number) big.longValue() : big;
        } catch (NumberFormatException e) {
            throw error("invalid number '" + token + "'");
        }
    }

    private void skipWhitespace() {
        while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private boolean consume(String token) {
        if (text.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(problem + " at offset " + pos + " of JSON text");
    }
}
