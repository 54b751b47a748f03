package dev.iafbt.bench;

/** exec:exec passes {@code -Dbench.args="a b c"} as one argument; the harnesses split it. */
final class BenchArgs {
    private BenchArgs() {
    }

    static String[] split(String[] args) {
        if (args.length == 1) {
            String joined = args[0].trim();
            return joined.isEmpty() ? new String[0] : joined.split("\\s+");
        }
        return args;
    }
}
