package org.collapselab.core.util;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where JavaCPP unpacks ND4J's native libraries (about 400 MB on first start). Moved from
 * {@code ~/.javacpp/cache} to the platform's cache folder so users find and can delete it; must be
 * configured before any ND4J class loads.
 */
public final class NativeCache {
    public static final String PROPERTY = "org.bytedeco.javacpp.cachedir";
    private static volatile boolean firstRun;

    private NativeCache() {
    }

    /** Sets the cache folder unless the user chose one; remembers whether it is still empty (first start). */
    public static Path configure() {
        String chosen = System.getProperty(PROPERTY);
        Path dir = chosen != null ? Path.of(chosen) : defaultDir();
        if (chosen == null) {
            System.setProperty(PROPERTY, dir.toString());
        }
        firstRun = !Files.isDirectory(dir);
        return dir;
    }

    /** True when the natives have not been unpacked yet, so the first ND4J start will take longer. */
    public static boolean isFirstRun() {
        return firstRun;
    }

    public static Path directory() {
        String chosen = System.getProperty(PROPERTY);
        return chosen != null ? Path.of(chosen) : defaultDir();
    }

    /** The app's folder under the platform's cache folder (the natives are one part of it). */
    public static Path appCacheDirectory() {
        return defaultDir().getParent();
    }

    static Path defaultDir() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return (local != null ? Path.of(local) : home.resolve("AppData/Local")).resolve("CollapseLab/javacpp");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Caches/CollapseLab/javacpp");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache")).resolve("collapse-lab/javacpp");
    }
}
