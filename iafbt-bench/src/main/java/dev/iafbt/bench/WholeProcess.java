package dev.iafbt.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times a whole {@code mvn} process, as a user runs the goal: started from an empty folder (no
 * project), through {@code /usr/bin/time} for the CPU time the JVM spent in user and kernel mode.
 */
final class WholeProcess {
    record Timing(double wallSeconds, double userSeconds, double sysSeconds, String load) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.2f s wall, %.2f s user, %.2f s sys (load average before: %s)",
                    wallSeconds, userSeconds, sysSeconds, load);
        }
    }

    private WholeProcess() {
    }

    /**
     * Runs {@code mvn -B -q -o -N <goal> <properties>} from a fresh empty folder.
     *
     * @param mvn  the Maven launcher, e.g. the wrapper's {@code bin/mvn}
     * @param repo the local repository holding the installed plugin ({@code -Dmaven.repo.local})
     */
    static Timing run(String mvn, String repo, String goal, List<String> properties) throws IOException,
            InterruptedException {
        Path empty = Files.createTempDirectory("iafbt-bench-empty-");
        Path times = empty.resolve("time.txt");
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S", "-o", times.toString(), mvn,
                "-B", "-q", "-o", "-N", "-Dmaven.repo.local=" + repo, goal));
        command.addAll(properties);
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        Process process = new ProcessBuilder(command).directory(empty.toFile()).redirectErrorStream(true)
                .redirectOutput(empty.resolve("out.txt").toFile()).start();
        int exit = process.waitFor();
        String[] t = Files.readString(times, StandardCharsets.UTF_8).strip().split("\\s+");
        String tail = Files.readString(empty.resolve("out.txt"));
        if (exit != 0) {
            throw new IllegalStateException("mvn failed (" + exit + "): " + tail);
        }
        Files.delete(times);
        Files.delete(empty.resolve("out.txt"));
        Files.delete(empty);
        return new Timing(Double.parseDouble(t[t.length - 3]), Double.parseDouble(t[t.length - 2]),
                Double.parseDouble(t[t.length - 1]), load);
    }
}
