package org.collapselab.core.data;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * Decodes one image file straight to {@code size × size × channels} uint8 HWC and remembers the
 * facts of the source. Plain PNGs take the {@link PngDecoder} fast path; everything else goes
 * through {@link ImageIoDecoder}. The content decides the format, never the extension. File bytes,
 * pixel buffers, filter weights and readers are reused between calls. One instance per thread;
 * {@link #close()} when done.
 */
final class ImageDecoder implements AutoCloseable {
    /** Bigger files are not read into memory; ImageIO streams them and subsamples. */
    private static final long MAX_BUFFERED_FILE = 64L << 20;

    private final int size;
    private final int channels;
    private final PngDecoder png = new PngDecoder();
    private final Resampler resampler;
    private final RgbImage image = new RgbImage();
    private ImageIoDecoder imageIo;
    private byte[] buffer = new byte[64 << 10];

    /** Facts about the last decoded image. */
    int sourceWidth;
    int sourceHeight;
    int sourceChannels;
    String format;
    long fileBytes;
    ImageHash hash;

    ImageDecoder(int size, int channels) {
        if (size < 1) {
            throw new IllegalArgumentException("image size must be positive, was " + size);
        }
        this.size = size;
        this.channels = channels;
        this.resampler = new Resampler(size, channels);
    }

    /**
     * Decodes {@code file} into {@code dst[offset…]}.
     *
     * @throws IOException with a user-facing reason when the file is not a readable image
     */
    void decode(Path file, byte[] dst, int offset) throws IOException {
        File input = file.toFile();
        // The scanner does not look at files; opening a FIFO would block, and a folder cannot be read.
        if (!input.isFile()) {
            throw new IOException(input.isDirectory() ? "a folder named like an image file; its contents are not read"
                    : input.exists() ? "not a regular file"
                    : "cannot be read (a broken symbolic link, or removed while scanning)");
        }
        // RandomAccessFile: two native calls for size and bytes, far less code for a cold JVM than NIO's streams.
        try (RandomAccessFile in = new RandomAccessFile(input, "r")) {
            fileBytes = in.length();
            if (fileBytes == 0) {
                throw new IOException("empty file (0 bytes)");
            }
            if (fileBytes > MAX_BUFFERED_FILE) {
                in.close();
                imageIo().decode(file, null, 0, image);
                format = imageIo.format;
            } else {
                int length = readFully(in);
                if (PngDecoder.isPng(buffer, length) && png.decode(buffer, length, image)) {
                    format = "png";
                } else {
                    imageIo().decode(file, buffer, length, image);
                    format = imageIo.format;
                }
            }
        } catch (java.io.FileNotFoundException e) {
            throw new IOException("cannot be opened: " + e.getMessage());
        }
        sourceWidth = image.sourceWidth();
        sourceHeight = image.sourceHeight();
        sourceChannels = image.sourceChannels();
        hash = ImageHash.of(image); // while the source pixels are in memory: the duplicate check reads no file again
        resampler.resize(image, dst, offset);
    }

    /**
     * The last decoded image's source facts with the brightness and channel means (0–255) of its
     * resized pixels, from the sums the resampler kept while writing them.
     */
    ImageInfo info() {
        double[] means = new double[3];
        int plane = size * size;
        for (int c = 0; c < 3; c++) {
            means[c] = (double) resampler.channelSum(channels == 1 ? 0 : c) / plane;
        }
        double brightness = channels == 1 ? means[0] : 0.299 * means[0] + 0.587 * means[1] + 0.114 * means[2];
        return new ImageInfo(sourceWidth, sourceHeight, sourceChannels, format, fileBytes, brightness, means, hash);
    }

    private ImageIoDecoder imageIo() {
        if (imageIo == null) {
            imageIo = new ImageIoDecoder(size);
        }
        return imageIo;
    }

    /** Reads the whole file into the reused buffer; returns its length. */
    private int readFully(RandomAccessFile in) throws IOException {
        if (buffer.length < fileBytes) {
            buffer = new byte[(int) Math.max(fileBytes, buffer.length * 2L)];
        }
        int n = 0;
        int got;
        while (n < fileBytes && (got = in.read(buffer, n, (int) fileBytes - n)) > 0) {
            n += got;
        }
        return n;
    }

    @Override
    public void close() {
        if (imageIo != null) {
            imageIo.close();
        }
    }
}
