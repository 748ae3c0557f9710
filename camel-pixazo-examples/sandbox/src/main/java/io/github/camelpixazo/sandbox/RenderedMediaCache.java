package io.github.camelpixazo.sandbox;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A small LRU cache of encoded images, so a client downloading the same file twice does not render it
 * twice, while thousands of finished jobs hold no images at all. Bounded by entries and by bytes.
 * Rendering happens outside the lock; two concurrent first downloads of one file may both render it.
 */
final class RenderedMediaCache {

    private final int maxEntries;
    private final long maxBytes;
    private final LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    RenderedMediaCache(int maxEntries, long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    byte[] get(String key, Supplier<byte[]> render) {
        synchronized (this) {
            byte[] cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        byte[] rendered = render.get();
        synchronized (this) {
            byte[] previous = entries.put(key, rendered);
            bytes += rendered.length - (previous == null ? 0 : previous.length);
            evict();
        }
        return rendered;
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized boolean contains(String key) {
        return entries.containsKey(key);
    }

    synchronized void clear() {
        entries.clear();
        bytes = 0;
    }

    private void evict() {
        Iterator<Map.Entry<String, byte[]>> eldestFirst = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || bytes > maxBytes) && entries.size() > 1 && eldestFirst.hasNext()) {
            bytes -= eldestFirst.next().getValue().length;
            eldestFirst.remove();
        }
    }
}
