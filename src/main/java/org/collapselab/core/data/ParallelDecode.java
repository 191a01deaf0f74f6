package org.collapselab.core.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.collapselab.core.util.CancelledException;
import org.collapselab.core.util.ProgressObserver;

/**
 * Decodes images on worker threads as the scanner hands them over ({@link #add}), so scanning and
 * decoding overlap. Pixels go into fixed-size chunks, since the final count is only known when
 * the scan ends ({@link #close}); {@link #await} joins them into one array. Unreadable files are
 * recorded, never fatal. Workers start on construction; end with {@link #close()} then {@link #await()},
 * or with {@link #abandon()}.
 */
final class ParallelDecode {
    private static final int CHUNK = 256;

    record Decoded(byte[] pixels, ImageInfo[] infos, String[] failures) {
    }

    private static final class Chunk {
        final byte[] pixels;
        final ImageInfo[] infos = new ImageInfo[CHUNK];
        final String[] failures = new String[CHUNK];

        Chunk(int bytes) {
            pixels = new byte[CHUNK * bytes];
        }
    }

    private final int size;
    private final int channels;
    private final int bytes;
    private final ProgressObserver progress;
    private final BooleanSupplier cancelled;
    private volatile boolean abandoned;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final ExecutorService pool;
    private final List<Future<?>> workers = new ArrayList<>();
    // Guarded by this:
    private final List<ImageRef> refs = new ArrayList<>();
    private final List<Chunk> chunks = new ArrayList<>();
    private boolean closed;
    private int waiting;

    ParallelDecode(int size, int channels, int threads, ProgressObserver progress, BooleanSupplier cancelled) {
        this.size = size;
        this.channels = channels;
        this.bytes = size * size * channels;
        this.progress = progress;
        this.cancelled = cancelled;
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "image-decoder");
            t.setDaemon(true);
            return t;
        });
        for (int w = 0; w < threads; w++) {
            workers.add(pool.submit(() -> {
                work();
                return null;
            }));
        }
    }

    /** Queues one image; its index is the number of images added before it. */
    synchronized void add(ImageRef image) {
        refs.add(image);
        if (waiting > 0) {
            notifyAll();
        }
    }

    /** @throws DataException when the images found so far would not fit in one array */
    synchronized void checkSize() throws DataException {
        if ((long) refs.size() * bytes > Integer.MAX_VALUE - 16) {
            throw new DataException(refs.size() + " images of " + size + "×" + size + "×" + channels
                    + " do not fit in one array; choose a smaller image size");
        }
    }

    /** No more images: workers finish what is queued and stop. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** Gives up (the scan failed or was cancelled): the workers stop and their threads end. */
    void abandon() {
        abandoned = true;
        close();
        pool.shutdownNow();
    }

    /** Helps decode what is left, waits for the workers and returns the images in the order they were added. */
    Decoded await() {
        try {
            work(); // the scanning thread is free now; on two cores it takes CPU share back from the JIT
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            throw new IllegalStateException("image decoding failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        synchronized (this) {
            int n = refs.size();
            byte[] pixels = new byte[n * bytes];
            ImageInfo[] infos = new ImageInfo[n];
            String[] failures = new String[n];
            for (int c = 0; c * CHUNK < n; c++) {
                Chunk chunk = chunks.get(c);
                int count = Math.min(CHUNK, n - c * CHUNK);
                System.arraycopy(chunk.pixels, 0, pixels, c * CHUNK * bytes, count * bytes);
                System.arraycopy(chunk.infos, 0, infos, c * CHUNK, count);
                System.arraycopy(chunk.failures, 0, failures, c * CHUNK, count);
            }
            return new Decoded(pixels, infos, failures);
        }
    }

    private void work() throws InterruptedException {
        try (ImageDecoder decoder = new ImageDecoder(size, channels)) {
            for (int i = next.getAndIncrement(); !stopped(); i = next.getAndIncrement()) {
                ImageRef image = take(i);
                if (image == null) {
                    return;
                }
                Chunk chunk = chunk(i);
                int slot = i % CHUNK;
                try {
                    decoder.decode(image.path(), chunk.pixels, slot * bytes);
                    chunk.infos[slot] = decoder.info();
                } catch (IOException | RuntimeException e) {
                    chunk.failures[slot] = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                }
                int d = done.incrementAndGet();
                if (d % 64 == 0) {
                    progress.progress(d, total(), "Decoding images");
                }
            }
        }
    }

    /** The image at {@code index}, waiting for the scanner when it has not found it yet; null when there is none. */
    private synchronized ImageRef take(int index) throws InterruptedException {
        while (index >= refs.size() && !closed && !stopped()) {
            waiting++;
            try {
                wait(50); // also wakes to notice cancellation
            } finally {
                waiting--;
            }
        }
        return index < refs.size() ? refs.get(index) : null;
    }

    private synchronized Chunk chunk(int index) {
        while (chunks.size() <= index / CHUNK) {
            chunks.add(new Chunk(bytes));
        }
        return chunks.get(index / CHUNK);
    }

    private boolean stopped() {
        return abandoned || cancelled.getAsBoolean();
    }

    /** The image count once the scan is over, -1 (unknown) before. */
    private synchronized long total() {
        return closed ? refs.size() : -1;
    }
}
