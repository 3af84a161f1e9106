package no.ukp.monitor.benchmark;

import java.io.PrintStream;
import java.util.Locale;

/** Progress lines with the time since the benchmark started, so a long run shows where it is. */
final class Progress {

    private final PrintStream out;
    private final long started = System.nanoTime();

    Progress(PrintStream out) {
        this.out = out;
    }

    void step(String format, Object... args) {
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        out.printf(Locale.ROOT, "[benchmark %02d:%02d] %s%n", seconds / 60, seconds % 60, String.format(Locale.ROOT, format, args));
        out.flush();
    }

    PrintStream out() {
        return out;
    }
}
