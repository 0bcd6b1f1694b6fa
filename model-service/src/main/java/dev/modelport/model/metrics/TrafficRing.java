package dev.modelport.model.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One version's last hour on this worker: a ring of 360 ten-second buckets, indexed by
 * {@code epochMillis / 10 000}. Recording takes no lock: a slot is swapped for a fresh bucket
 * with one compare-and-set when its time comes round again, and counts are atomic adds. A sample
 * older than the ring (a thread stalled for an hour) is dropped rather than counted in the
 * wrong bucket.
 */
final class TrafficRing {

    static final long BUCKET_MILLIS = 10_000;
    static final int SIZE = 360;

    private final AtomicReferenceArray<Slot> slots = new AtomicReferenceArray<>(SIZE);
    private final AtomicLong newest;

    /** @param created the bucket it is created in, so a ring not yet written to does not look idle */
    TrafficRing(long created) {
        newest = new AtomicLong(created);
    }

    void succeeded(long index, long nanos) {
        Slot slot = slot(index);
        if (slot != null) {
            slot.counts.getAndIncrement(Slot.SUCCESSES);
            slot.latency.getAndIncrement(LatencyBins.of(nanos));
        }
    }

    void failed(long index) {
        Slot slot = slot(index);
        if (slot != null) {
            slot.counts.getAndIncrement(Slot.ERRORS);
        }
    }

    void queued(long index, long nanos) {
        Slot slot = slot(index);
        if (slot != null) {
            slot.counts.getAndAdd(Slot.QUEUE_NANOS, nanos);
            slot.counts.getAndIncrement(Slot.QUEUED);
        }
    }

    void executed(long index, int rows) {
        Slot slot = slot(index);
        if (slot != null) {
            slot.counts.getAndAdd(Slot.BATCH_ROWS, rows);
            slot.counts.getAndIncrement(Slot.BATCHES);
        }
    }

    /** The buckets from index {@code first} to {@code last} that saw anything, oldest first. */
    List<TrafficBucket> buckets(long first, long last) {
        List<TrafficBucket> buckets = new ArrayList<>();
        for (long index = Math.max(first, last - SIZE + 1); index <= last; index++) {
            Slot slot = slots.get(slot(index, SIZE));
            if (slot != null && slot.index == index) {
                TrafficBucket bucket = slot.snapshot();
                if (!bucket.isEmpty()) {
                    buckets.add(bucket);
                }
            }
        }
        return buckets;
    }

    /** Whether nothing was recorded in the hour up to bucket {@code now}, so nothing of it is left to show. */
    boolean idleAt(long now) {
        return newest.get() <= now - SIZE;
    }

    private Slot slot(long index) {
        int position = slot(index, SIZE);
        while (true) {
            Slot current = slots.get(position);
            if (current != null && current.index >= index) {
                return current.index == index ? current : null;
            }
            Slot fresh = new Slot(index);
            if (slots.compareAndSet(position, current, fresh)) {
                newest.accumulateAndGet(index, Math::max);
                return fresh;
            }
        }
    }

    private static int slot(long index, int size) {
        return (int) Math.floorMod(index, (long) size);
    }

    /**
     * One bucket's counters. Atomic arrays rather than {@code LongAdder}s: an adder keeps a cell
     * per contending core, and a ring keeps 360 buckets for an hour; an atomic add is one
     * instruction, cheap next to an inference. Int bins: 2^31 requests in one bin in 10 s will not happen.
     */
    private static final class Slot {

        static final int SUCCESSES = 0;
        static final int ERRORS = 1;
        static final int QUEUE_NANOS = 2;
        static final int QUEUED = 3;
        static final int BATCH_ROWS = 4;
        static final int BATCHES = 5;

        final long index;
        final AtomicLongArray counts = new AtomicLongArray(6);
        final AtomicIntegerArray latency = new AtomicIntegerArray(LatencyBins.COUNT);

        Slot(long index) {
            this.index = index;
        }

        TrafficBucket snapshot() {
            TreeMap<Integer, Long> bins = new TreeMap<>();
            for (int bin = 0; bin < latency.length(); bin++) {
                int count = latency.get(bin);
                if (count > 0) {
                    bins.put(bin, (long) count);
                }
            }
            return new TrafficBucket(Instant.ofEpochMilli(index * BUCKET_MILLIS), counts.get(SUCCESSES),
                    counts.get(ERRORS), bins, counts.get(QUEUE_NANOS), counts.get(QUEUED), counts.get(BATCH_ROWS),
                    counts.get(BATCHES));
        }
    }
}
