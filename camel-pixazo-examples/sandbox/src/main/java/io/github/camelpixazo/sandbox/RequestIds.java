package io.github.camelpixazo.sandbox;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids in the gateway's shape, {@code <model_id>_<uuid>}. The reference ids start with "019d",
 * the millisecond timestamp of a version 7 UUID, so the sandbox makes version 7 UUIDs too.
 */
final class RequestIds {

    private RequestIds() {
    }

    static String next(Model model) {
        return model.id() + "_" + uuidV7(System.currentTimeMillis());
    }

    /** Pixapi's task ids: {@code task_<hex>} (gateway-facts.md, assumed shape). */
    static String pixapiTask() {
        return "task_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE)
               + Long.toHexString(System.nanoTime() & 0xFFFFFF);
    }

    /** EvoLink's task ids: {@code task-unified-<epoch seconds>-<8 letters and digits>} (gateway-facts.md). */
    static String evolinkTask() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder suffix = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            suffix.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return "task-unified-" + System.currentTimeMillis() / 1000 + "-" + suffix;
    }

    static UUID uuidV7(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long mostSignificant = (epochMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long leastSignificant = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant);
    }
}
