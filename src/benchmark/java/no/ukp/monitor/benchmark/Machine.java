package no.ukp.monitor.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The machine the figures come from: CPU, cores, memory, OS, JVM and its heap limit. */
record Machine(String cpuModel, int logicalCpus, int availableProcessors, long memoryBytes, String os, String jvm,
               long maxHeapBytes, String xmxArgument, String gc) {

    static Machine describe() {
        List<String> cpuinfo = lines(Path.of("/proc/cpuinfo"));
        String model = cpuinfo.stream().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(System.getProperty("os.arch"));
        int cpus = (int) cpuinfo.stream().filter(l -> l.startsWith("processor")).count();
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        String release = lines(Path.of("/etc/os-release")).stream().filter(l -> l.startsWith("PRETTY_NAME="))
                .findFirst().map(l -> l.substring(l.indexOf('=') + 1).replace("\"", "")).orElse("");
        String os = (release.isEmpty() ? "" : release + ", ") + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " " + System.getProperty("os.arch");
        String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        Optional<String> xmx = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-Xmx")).reduce((a, b) -> b);
        String gc = String.join(", ", ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList());
        return new Machine(model, cpus, Runtime.getRuntime().availableProcessors(), memory, os, jvm,
                Runtime.getRuntime().maxMemory(), xmx.orElse("JVM default"), gc);
    }

    String summary() {
        return String.format(java.util.Locale.ROOT, "%s, %d CPUs, %.1f GiB RAM, %s, %s, max heap %d MB (%s)", cpuModel,
                logicalCpus, memoryBytes / (1024.0 * 1024 * 1024), os, jvm, maxHeapBytes / (1024 * 1024), xmxArgument);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }
}
