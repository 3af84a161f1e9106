package no.ukp.monitor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An OutOfMemoryError in one thread (Tomcat's poller, say) must end the JVM, so that the
 * supervisor (compose's {@code restart:}, systemd) starts a new one, instead of leaving a process
 * with its port open that answers nothing. Each start configuration's JVM options are taken from
 * its file and given to a small JVM whose worker thread runs out of memory while its main thread
 * lives on: it must exit, non-zero, within seconds.
 */
class OutOfMemoryExitTest {

    @Test
    void shouldEndTheDockerImagesJvmOnOutOfMemory() throws Exception {
        assertExitsOnOutOfMemory(dockerfileJvmOptions(), "Dockerfile ENTRYPOINT");
    }

    @Test
    void shouldEndTheJvmOfSpringBootRunOnOutOfMemory() throws Exception {
        assertExitsOnOutOfMemory(springBootRunJvmOptions(), "pom.xml spring-boot-maven-plugin jvmArguments");
    }

    @Test
    void shouldNameTheOptionInEveryJavaCommandOfTheReadme() throws IOException {
        List<String> commands = Files.readAllLines(Path.of("README.md")).stream()
                .filter(l -> l.strip().startsWith("java ")).toList();

        assertThat(commands).isNotEmpty().allSatisfy(c -> assertThat(c).contains("-XX:+ExitOnOutOfMemoryError"));
    }

    /** The JVM options of the image: what stands between "java" and "-jar" in the ENTRYPOINT. */
    static List<String> dockerfileJvmOptions() throws IOException {
        String entrypoint = Files.readAllLines(Path.of("Dockerfile")).stream().map(String::strip)
                .filter(l -> l.startsWith("ENTRYPOINT ")).reduce((a, b) -> b).orElseThrow();
        List<String> command = Arrays.asList(new ObjectMapper().readValue(entrypoint.substring("ENTRYPOINT ".length()),
                String[].class));
        assertThat(command.get(0)).isEqualTo("java");
        return command.subList(1, command.indexOf("-jar"));
    }

    static List<String> springBootRunJvmOptions() throws IOException {
        Matcher m = Pattern.compile("<jvmArguments>([^<]*)</jvmArguments>").matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).as("spring-boot-maven-plugin has jvmArguments").isTrue();
        return Arrays.asList(m.group(1).strip().split("\\s+"));
    }

    private static void assertExitsOnOutOfMemory(List<String> options, String where) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-Xmx24m", "-cp", System.getProperty("java.class.path"), Victim.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            boolean exited = process.waitFor(30, TimeUnit.SECONDS);

            assertThat(exited).as("%s: the JVM ended after an OutOfMemoryError (options %s)", where, options).isTrue();
            assertThat(process.exitValue()).as("%s: exit status", where).isNotZero();
        } finally {
            process.destroyForcibly();
        }
    }

    /** A worker thread allocates until it dies of OutOfMemoryError; the main thread keeps the JVM alive. */
    public static final class Victim {

        public static void main(String[] args) throws InterruptedException {
            Thread worker = new Thread(() -> {
                List<long[]> hoard = new ArrayList<>();
                while (true) {
                    hoard.add(new long[1 << 16]);
                }
            }, "poller");
            worker.start();
            worker.join();
            // the worker died; a JVM without ExitOnOutOfMemoryError lives on, like a zombie service
            Thread.sleep(TimeUnit.MINUTES.toMillis(10));
        }
    }
}
