package org.collapselab.core.data;

import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A fast path for the common PNG: 8-bit gray, gray+alpha, RGB or RGBA, not interlaced. It decodes
 * into a reused buffer, viewed in place by an {@link RgbImage}, with a reused {@link Inflater}, which is several times
 * faster than ImageIO on small files and never touches ImageIO's plugin registry. Anything else
 * (palette, 16-bit, interlaced, oversized) is declined and left to ImageIO. One instance per thread.
 */
final class PngDecoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** Larger images go through ImageIO, which can subsample while decoding instead of holding every pixel. */
    private static final long MAX_PIXELS = 4L << 20;

    /** Raw deflate: the zlib header is checked here and the Adler-32 trailer skipped (a fifth of inflate's time). */
    private final Inflater inflater = new Inflater(true);
    private byte[] raw = new byte[0];
    private byte[] idat = new byte[0];

    static boolean isPng(byte[] file, int length) {
        if (length < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (file[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * @return false when this PNG variant is not handled here (the caller falls back to ImageIO)
     * @throws IOException when the file is a PNG but corrupt or truncated
     */
    boolean decode(byte[] file, int length, RgbImage out) throws IOException {
        int pos = SIGNATURE.length;
        int width = 0;
        int height = 0;
        int colorType = -1;
        int idatLength = 0;
        boolean headerSeen = false;
        boolean ended = false;
        while (pos + 8 <= length) {
            int chunkLength = readInt(file, pos);
            int type = readInt(file, pos + 4);
            int data = pos + 8;
            if (chunkLength < 0 || data + chunkLength > length) {
                throw new IOException("truncated PNG (a chunk runs past the end of the file)");
            }
            if (type == 0x49484452) { // IHDR
                width = readInt(file, data);
                height = readInt(file, data + 4);
                int bitDepth = file[data + 8] & 0xFF;
                colorType = file[data + 9] & 0xFF;
                int interlace = file[data + 12] & 0xFF;
                if (width <= 0 || height <= 0) {
                    throw new IOException("corrupt PNG (image size " + width + "×" + height + ")");
                }
                if (bitDepth != 8 || interlace != 0 || colorType == 3 || (long) width * height > MAX_PIXELS) {
                    return false;
                }
                headerSeen = true;
            } else if (type == 0x49444154) { // IDAT
                if (idat.length < idatLength + chunkLength) {
                    idat = java.util.Arrays.copyOf(idat, Math.max(idatLength + chunkLength, idat.length * 2));
                }
                System.arraycopy(file, data, idat, idatLength, chunkLength);
                idatLength += chunkLength;
            } else if (type == 0x49454E44) { // IEND
                ended = true;
                break;
            }
            pos = data + chunkLength + 4; // skip the CRC
        }
        if (!headerSeen) {
            return false; // let ImageIO give its own reason
        }
        int bpp = switch (colorType) {
            case 0 -> 1;
            case 4 -> 2;
            case 2 -> 3;
            case 6 -> 4;
            default -> throw new IOException("corrupt PNG (colour type " + colorType + ")");
        };
        int stride = width * bpp;
        int rawLength = (stride + 1) * height;
        if (raw.length < rawLength) {
            raw = new byte[rawLength];
        }
        inflate(idatLength, rawLength, ended);
        unfilter(stride, height, bpp);
        out.view(raw, 1, stride + 1, width, height, bpp); // each row starts after its filter byte
        return true;
    }

    private void inflate(int idatLength, int rawLength, boolean ended) throws IOException {
        if (idatLength < 2 || (idat[0] & 0x0F) != 8 || (idat[1] & 0x20) != 0
                || (((idat[0] & 0xFF) << 8) | (idat[1] & 0xFF)) % 31 != 0) {
            throw new IOException("corrupt PNG (bad compressed-data header)");
        }
        inflater.reset();
        inflater.setInput(idat, 2, idatLength - 2);
        int n = 0;
        try {
            while (n < rawLength) {
                int got = inflater.inflate(raw, n, rawLength - n);
                if (got == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
        } catch (DataFormatException e) {
            throw new IOException("corrupt PNG (compressed data: " + e.getMessage() + ")");
        }
        if (n < rawLength) {
            throw new IOException(ended ? "corrupt PNG (too little image data)" : "truncated PNG (image data ends early)");
        }
    }

    /** Undoes the per-row PNG filters in place; row r's data starts at r × (stride + 1) + 1. */
    private void unfilter(int stride, int height, int bpp) throws IOException {
        byte[] b = raw;
        for (int row = 0; row < height; row++) {
            int start = row * (stride + 1) + 1;
            int prev = start - (stride + 1); // previous row's data (invalid for row 0)
            int filter = b[start - 1];
            switch (filter) {
                case 0 -> { }
                case 1 -> {
                    for (int i = bpp; i < stride; i++) {
                        b[start + i] += b[start + i - bpp];
                    }
                }
                case 2 -> {
                    if (row > 0) {
                        for (int i = 0; i < stride; i++) {
                            b[start + i] += b[prev + i];
                        }
                    }
                }
                case 3 -> {
                    for (int i = 0; i < stride; i++) {
                        int left = i >= bpp ? b[start + i - bpp] & 0xFF : 0;
                        int up = row > 0 ? b[prev + i] & 0xFF : 0;
                        b[start + i] += (byte) ((left + up) >>> 1);
                    }
                }
                case 4 -> {
                    for (int i = 0; i < stride; i++) {
                        int a = i >= bpp ? b[start + i - bpp] & 0xFF : 0;
                        int up = row > 0 ? b[prev + i] & 0xFF : 0;
                        int c = i >= bpp && row > 0 ? b[prev + i - bpp] & 0xFF : 0;
                        b[start + i] += (byte) paeth(a, up, c);
                    }
                }
                default -> throw new IOException("corrupt PNG (unknown row filter " + filter + ")");
            }
        }
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
