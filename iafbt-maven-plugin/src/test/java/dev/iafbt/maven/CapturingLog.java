package dev.iafbt.maven;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.maven.plugin.logging.Log;

/** A Maven {@link Log} that keeps every line as {@code "[LEVEL] message"}. */
final class CapturingLog implements Log {
    // thread-safe: progress lines come from a timer thread
    final List<String> lines = new CopyOnWriteArrayList<>();

    List<String> at(String level) {
        String prefix = "[" + level + "] ";
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
    }

    private void add(String level, CharSequence content, Throwable error) {
        lines.add("[" + level + "] " + (content == null ? "" : content)
                + (error == null ? "" : " " + error));
    }

    @Override public boolean isDebugEnabled() { return true; }
    @Override public void debug(CharSequence c) { add("DEBUG", c, null); }
    @Override public void debug(CharSequence c, Throwable e) { add("DEBUG", c, e); }
    @Override public void debug(Throwable e) { add("DEBUG", null, e); }
    @Override public boolean isInfoEnabled() { return true; }
    @Override public void info(CharSequence c) { add("INFO", c, null); }
    @Override public void info(CharSequence c, Throwable e) { add("INFO", c, e); }
    @Override public void info(Throwable e) { add("INFO", null, e); }
    @Override public boolean isWarnEnabled() { return true; }
    @Override public void warn(CharSequence c) { add("WARNING", c, null); }
    @Override public void warn(CharSequence c, Throwable e) { add("WARNING", c, e); }
    @Override public void warn(Throwable e) { add("WARNING", null, e); }
    @Override public boolean isErrorEnabled() { return true; }
    @Override public void error(CharSequence c) { add("ERROR", c, null); }
    @Override public void error(CharSequence c, Throwable e) { add("ERROR", c, e); }
    @Override public void error(Throwable e) { add("ERROR", null, e); }
}
