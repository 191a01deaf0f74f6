package org.collapselab.ui.common;

/** Number formatting shared by the screens. */
public final class Formats {
    private Formats() {
    }

    public static String percent(double value) {
        return Double.isFinite(value) ? String.format("%.1f%%", 100 * value) : "–";
    }

    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        return Math.abs(value) >= 1e-3 && Math.abs(value) < 1e5 ? String.format("%.4g", value) : String.format("%.2e", value);
    }

    public static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "–";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }

    public static String bytes(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format("%.1f GB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format("%.0f MB", bytes / (double) (1L << 20));
        }
        return String.format("%.0f KB", bytes / 1024.0);
    }
}
