package dev.modelport.model.inference;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Where one model's requests go right now: production, a canary share, a shadow copy. Routes
 * are immutable and swapped whole, so a request never sees a half-applied rollout.
 *
 * @param random where a request without an id draws its bucket (tests pass a seeded one)
 */
record ModelRoute(LoadedVersion production, LoadedVersion canary, int canaryPercent, LoadedVersion shadow,
                  Map<Integer, LoadedVersion> versions, RandomGenerator random) {

    /** Each calling thread's own generator: requests on many threads draw without contending for one seed. */
    private static final RandomGenerator PER_THREAD = () -> ThreadLocalRandom.current().nextLong();

    ModelRoute(LoadedVersion production, LoadedVersion canary, int canaryPercent, LoadedVersion shadow,
               Map<Integer, LoadedVersion> versions) {
        this(production, canary, canaryPercent, shadow, versions, PER_THREAD);
    }

    /** Canary or production: stable per request id (the same id always lands on the same side), random without one. */
    LoadedVersion pick(String requestId) {
        if (canary == null || canaryPercent <= 0) {
            return production;
        }
        int bucket = requestId == null ? random.nextInt(100) : Math.floorMod(spread(requestId), 100);
        return bucket < canaryPercent ? canary : production;
    }

    Optional<LoadedVersion> version(int number) {
        return Optional.ofNullable(versions.get(number));
    }

    /** String.hashCode clusters for similar ids ("req-1", "req-2"); a murmur3 finaliser spreads them evenly. */
    private static int spread(String id) {
        int h = id.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
