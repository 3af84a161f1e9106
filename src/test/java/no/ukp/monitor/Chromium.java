package no.ukp.monitor;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium for the tests that need a real browser: {@code CHROMIUM} if set,
 * else the first of {@code chromium}, {@code chromium-browser}, {@code google-chrome} on the
 * {@code PATH}. {@code ./mvnw verify} installs it first (scripts/ensure-test-packages.sh); where it
 * is missing the test fails, never skips.
 */
public final class Chromium {

    private Chromium() {
    }

    public static Path path() {
        String configured = System.getenv("CHROMIUM");
        Stream<String> candidates = configured != null ? Stream.of(configured)
                : Stream.of("chromium", "chromium-browser", "google-chrome");
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return candidates.flatMap(name -> name.contains(File.separator) ? Stream.of(Path.of(name))
                        : Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst()
                .orElseGet(() -> fail("Chromium is missing: install Debian's package (apt-get install chromium) or set "
                        + "CHROMIUM to the browser; ./mvnw verify installs it (scripts/ensure-test-packages.sh)."));
    }
}
