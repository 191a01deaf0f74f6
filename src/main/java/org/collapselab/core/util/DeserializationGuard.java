package org.collapselab.core.util;

import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Java deserialization out of model loading. DL4J's {@code ModelSerializer} reads some zip entries (a data
 * preprocessor) with {@link java.io.ObjectInputStream}, so a crafted {@code model.zip} from a shared run folder could
 * otherwise run the {@code readObject} of any class on our class path (OWASP "Deserialization of untrusted data").
 *
 * <p>{@link #install()} sets a JEP 290 process-wide filter ({@link ObjectInputFilter.Config#setSerialFilter}); call
 * it first thing in {@code main}. While a thread is inside {@link #whileLoadingModel}, that filter refuses every class
 * not on {@link #ALLOWED_CLASSES}; outside it, the filter stays undecided, so other Java serialization in the process
 * keeps its default behaviour. {@link #whileLoadingModel} installs the filter itself when {@code main} did not (tests,
 * library users).
 */
public final class DeserializationGuard {
    /**
     * Classes model loading may deserialize. Measured: loading a MultiLayerNetwork zip that Collapse Lab wrote
     * deserializes no class at all (DL4J reads the network from JSON and raw ND4J arrays; Java serialization is
     * used only for an attached preprocessor, which we never save). So the list is empty and any class is refused.
     */
    public static final Set<String> ALLOWED_CLASSES = Set.of();
    /** Object graph limits while loading, in case a future allow-listed class brings nested data. */
    static final long MAX_DEPTH = 20;
    static final long MAX_REFERENCES = 10_000;
    static final long MAX_ARRAY_LENGTH = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(DeserializationGuard.class);
    private static final ThreadLocal<Boolean> LOADING = ThreadLocal.withInitial(() -> false);
    /** What the filter last refused on this thread; JEP 290's exception does not name it. */
    private static final ThreadLocal<String> REFUSED = new ThreadLocal<>();
    private static final ObjectInputFilter FILTER = DeserializationGuard::check;
    private static volatile boolean installed;

    private DeserializationGuard() {
    }

    /**
     * Installs the process-wide filter unless a different one is already set (for example with
     * {@code -Djdk.serialFilter}); returns whether ours is in place. Safe to call more than once.
     */
    public static synchronized boolean install() {
        if (installed) {
            return true;
        }
        ObjectInputFilter current = ObjectInputFilter.Config.getSerialFilter();
        if (current == null) {
            try {
                ObjectInputFilter.Config.setSerialFilter(FILTER);
                installed = true;
            } catch (IllegalStateException | SecurityException e) {
                LOG.warn("cannot install the deserialization filter: {}", e.getMessage());
            }
        } else if (current == FILTER) {
            installed = true;
        } else {
            LOG.warn("a different process-wide deserialization filter is set ({}); model loading relies on it and on "
                    + "the model zip checks", current);
        }
        return installed;
    }

    public static boolean isInstalled() {
        return installed;
    }

    /** Something that loads a model and may throw {@link IOException}. */
    @FunctionalInterface
    public interface Loader<T> {
        T load() throws IOException;
    }

    /**
     * Runs {@code loader} with deserialization restricted to {@link #ALLOWED_CLASSES} on this thread. A refused class
     * surfaces as an {@link IOException} that names it.
     */
    public static <T> T whileLoadingModel(Loader<T> loader) throws IOException {
        install();
        boolean outer = LOADING.get();
        LOADING.set(true);
        REFUSED.remove();
        try {
            return loader.load();
        } catch (InvalidClassException e) {
            throw refused(e);
        } catch (RuntimeException e) {
            InvalidClassException cause = find(e);
            if (cause != null) {
                throw refused(cause);
            }
            throw e;
        } finally {
            LOADING.set(outer);
            REFUSED.remove();
        }
    }

    private static IOException refused(InvalidClassException e) {
        String what = REFUSED.get() != null ? REFUSED.get() : e.classname != null ? e.classname : "(unnamed)";
        return new IOException("refused to load the model: it contains a Java-serialized object (" + what
                + "), which a Collapse Lab model never holds; the file may have been crafted", e);
    }

    private static InvalidClassException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidClassException invalid) {
                return invalid;
            }
        }
        return null;
    }

    static ObjectInputFilter.Status check(ObjectInputFilter.FilterInfo info) {
        if (!LOADING.get()) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        if (info.depth() > MAX_DEPTH || info.references() > MAX_REFERENCES
                || (info.arrayLength() >= 0 && info.arrayLength() > MAX_ARRAY_LENGTH)) {
            REFUSED.set("an object graph past the depth, reference or array limits");
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        while (type.isArray()) {
            type = type.getComponentType();
        }
        if (type.isPrimitive() || ALLOWED_CLASSES.contains(type.getName())) {
            return ObjectInputFilter.Status.ALLOWED;
        }
        REFUSED.set("class " + info.serialClass().getName());
        return ObjectInputFilter.Status.REJECTED;
    }
}
