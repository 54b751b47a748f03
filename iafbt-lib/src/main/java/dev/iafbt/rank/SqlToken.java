package dev.iafbt.rank;

/** One lexical token of a filter expression; {@code text} is the source text, literals verbatim. */
record SqlToken(Kind kind, String text) {

    enum Kind {
        /** Bare word: a column, a keyword or a function name. */
        WORD,
        /** {@code "double-quoted"} identifier, text without the quotes. */
        QUOTED_IDENTIFIER,
        /** {@code 'single-quoted'} string literal, text verbatim including quotes. */
        STRING,
        NUMBER,
        OPERATOR,
        PARAMETER,
        OPEN_PAREN,
        CLOSE_PAREN,
        COMMA
    }
}
