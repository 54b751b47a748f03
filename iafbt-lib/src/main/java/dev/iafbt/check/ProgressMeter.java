package dev.iafbt.check;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Progress of a long check, with an estimate of what is left: a line every {@code interval} while
 * the work runs, from a timer, so a line comes even while one large bundle is being re-encoded.
 * A run that ends within the first interval prints nothing. The caller says where the lines go
 * (Maven's log, or the console that Surefire shows), so the library itself never prints.
 */
public final class ProgressMeter implements AutoCloseable {
    private final String verb;
    private final int total;
    private final LongSupplier nanoClock;
    private final long start;
    private final AtomicInteger done = new AtomicInteger();
    private final ScheduledExecutorService timer;

    private ProgressMeter(String verb, int total, LongSupplier nanoClock, ScheduledExecutorService timer) {
        this.verb = verb;
        this.total = total;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
        this.timer = timer;
    }

    /** Starts reporting {@code verb} ("Checked") progress over {@code total} bundles to {@code sink} every {@code interval}. */
    public static ProgressMeter start(String verb, int total, Duration interval, Consumer<String> sink) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "iafbt-progress");
            thread.setDaemon(true);
            return thread;
        });
        ProgressMeter meter = new ProgressMeter(verb, total, System::nanoTime, timer);
        long millis = Math.max(1, interval.toMillis());
        timer.scheduleAtFixedRate(() -> sink.accept(meter.line()), millis, millis, TimeUnit.MILLISECONDS);
        return meter;
    }

    /** A meter without a timer, for {@link #line()} under a given clock. */
    static ProgressMeter manual(String verb, int total, LongSupplier nanoClock) {
        return new ProgressMeter(verb, total, nanoClock, null);
    }

    /** One more bundle done. */
    public void step() {
        done.incrementAndGet();
    }

    /** {@code Checked 120 of 480 bundle(s) (25%) in 1 min 10 s; about 3 min 30 s left}. */
    public String line() {
        int finished = done.get();
        long elapsed = nanoClock.getAsLong() - start;
        StringBuilder line = new StringBuilder(verb).append(' ').append(finished).append(" of ").append(total)
                .append(" bundle(s) (").append(total == 0 ? 100 : finished * 100L / total).append("%) in ")
                .append(duration(elapsed));
        if (finished > 0 && finished < total) {
            line.append("; about ").append(duration(elapsed / finished * (total - finished))).append(" left");
        } else if (finished == 0) {
            line.append("; the first bundle is still being read");
        }
        return line.toString();
    }

    /** Stops the timer; no line follows. */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** {@code 45 s}, {@code 3 min 30 s}, {@code 1 h 5 min}. */
    static String duration(long nanos) {
        long seconds = Math.max(0, Math.round(nanos / 1e9));
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %d min", seconds / 3600, seconds % 3600 / 60);
    }
}
