package no.ukp.monitor.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap of this JVM (the service runs in it) while something runs: the baseline after a full
 * GC before, the peak of the heap in use (sampled every 20 ms, and the heap pools' own peak
 * after {@code resetPeakUsage}), and the peak of the heap left after each GC during the run. The
 * peak in use includes garbage not yet collected, so it follows the young generation's size; the
 * peak after GC follows what the run keeps alive: flat when the service streams, growing with the
 * file when it holds the rows.
 */
final class HeapSampler implements AutoCloseable {

    /** Heap figures of one run, in bytes. */
    record Figures(long baselineBytes, long peakUsedSampledBytes, long peakUsedPoolsBytes, long peakAfterGcBytes,
                   int gcCount, int samples, long allocatedBytes) {

        /** What the run kept alive at most beyond the baseline (0 when no GC ran). */
        long retainedGrowthBytes() {
            return peakAfterGcBytes == 0 ? 0 : Math.max(0, peakAfterGcBytes - baselineBytes);
        }
    }

    private static final long SAMPLE_MILLIS = 20;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();
    private final long baseline;
    private final long allocatedBefore;
    private final AtomicLong peakSampled = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicInteger gcCount = new AtomicInteger();
    private final AtomicInteger samples = new AtomicInteger();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onGc;
    private final Thread sampler;
    private volatile boolean running = true;

    private HeapSampler() {
        System.gc();
        baseline = memory.getHeapMemoryUsage().getUsed();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        allocatedBefore = allocatedByAllThreads();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
        sampler = new Thread(this::sample, "benchmark-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Collects garbage, takes the baseline and starts sampling. */
    static HeapSampler start() {
        return new HeapSampler();
    }

    private void sample() {
        while (running) {
            peakSampled.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            samples.incrementAndGet();
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void onGc(Notification notification, Object handback) {
        if (!running || !GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long after = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            MemoryUsage usage = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
            if (usage != null) {
                after += usage.getUsed();
            }
        }
        gcCount.incrementAndGet();
        peakAfterGc.accumulateAndGet(after, Math::max);
    }

    /** Stops sampling; returns the figures of the run. */
    Figures stop() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        peakSampled.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        long poolPeaks = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        close();
        return new Figures(baseline, peakSampled.get(), poolPeaks, peakAfterGc.get(), gcCount.get(), samples.get(),
                Math.max(0, allocatedByAllThreads() - allocatedBefore));
    }

    /** Bytes allocated so far by the live threads (HotSpot); threads that ended meanwhile are not counted. */
    private static long allocatedByAllThreads() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
            long[] ids = threads.getAllThreadIds();
            long sum = 0;
            for (long bytes : threads.getThreadAllocatedBytes(ids)) {
                sum += Math.max(0, bytes);
            }
            return sum;
        }
        return 0;
    }

    @Override
    public void close() {
        running = false;
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // already removed
            }
        }
        emitters.clear();
    }
}
