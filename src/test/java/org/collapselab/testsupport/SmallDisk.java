package org.collapselab.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A folder seen through a file system that holds at most {@code capacity} bytes: writes through {@link Files} that
 * would pass it write what fits and then fail with "No space left on device", as a full disk does. For tests where
 * mounting a small tmpfs is not allowed. The bytes in use are the real sizes of the files under the folder, so
 * deleting or replacing a file gives its space back. Writes through {@link FileChannel} and {@link Path#toFile()} are
 * not counted (the run lock is an empty file).
 */
public final class SmallDisk extends FileSystem {
    private final FileSystem real = java.nio.file.FileSystems.getDefault();
    private final Provider provider = new Provider();
    private final Path root;
    private volatile long capacity;

    private SmallDisk(Path root, long capacity) {
        this.root = root.toAbsolutePath();
        this.capacity = capacity;
    }

    /** {@code root} (an existing folder) as a disk of {@code capacity} bytes; returns the folder's path on it. */
    public static SmallDisk of(Path root, long capacity) {
        return new SmallDisk(root, capacity);
    }

    /** The root folder as a path on this disk. */
    public Path root() {
        return wrap(root);
    }

    /** Fills the disk: from now on it holds only what it holds now. */
    public void fill() throws IOException {
        capacity = used();
    }

    public long used() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            long sum = 0;
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p)) {
                    sum += Files.size(p);
                }
            }
            return sum;
        }
    }

    Path wrap(Path path) {
        return path == null ? null : new DiskPath(this, path);
    }

    static Path unwrap(Path path) {
        return path instanceof DiskPath p ? p.real : path;
    }

    @Override public FileSystemProvider provider() { return provider; }
    @Override public void close() { }
    @Override public boolean isOpen() { return true; }
    @Override public boolean isReadOnly() { return false; }
    @Override public String getSeparator() { return real.getSeparator(); }
    @Override public Iterable<Path> getRootDirectories() {
        List<Path> roots = new ArrayList<>();
        real.getRootDirectories().forEach(r -> roots.add(wrap(r)));
        return roots;
    }
    @Override public Iterable<FileStore> getFileStores() { return real.getFileStores(); }
    @Override public Set<String> supportedFileAttributeViews() { return real.supportedFileAttributeViews(); }
    @Override public Path getPath(String first, String... more) { return wrap(real.getPath(first, more)); }
    @Override public PathMatcher getPathMatcher(String syntaxAndPattern) { return real.getPathMatcher(syntaxAndPattern); }
    @Override public UserPrincipalLookupService getUserPrincipalLookupService() { return real.getUserPrincipalLookupService(); }
    @Override public WatchService newWatchService() { throw new UnsupportedOperationException(); }

    /** Counts bytes against the capacity before they reach the real channel. */
    private final class CountingChannel implements SeekableByteChannel {
        private final SeekableByteChannel channel;
        private final Path path;

        CountingChannel(SeekableByteChannel channel, Path path) {
            this.channel = channel;
            this.path = path;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            long room = capacity - used();
            if (room >= src.remaining()) {
                return channel.write(src);
            }
            if (room > 0) {
                ByteBuffer part = src.duplicate();
                part.limit(part.position() + (int) room);
                channel.write(part);
            }
            throw new FileSystemException(path.toString(), null, "No space left on device");
        }

        @Override public int read(ByteBuffer dst) throws IOException { return channel.read(dst); }
        @Override public long position() throws IOException { return channel.position(); }
        @Override public SeekableByteChannel position(long p) throws IOException { channel.position(p); return this; }
        @Override public long size() throws IOException { return channel.size(); }
        @Override public SeekableByteChannel truncate(long size) throws IOException { channel.truncate(size); return this; }
        @Override public boolean isOpen() { return channel.isOpen(); }
        @Override public void close() throws IOException { channel.close(); }
    }

    private final class Provider extends FileSystemProvider {
        private final FileSystemProvider realProvider = real.provider();

        @Override public String getScheme() { return "smalldisk"; }
        @Override public FileSystem newFileSystem(URI uri, Map<String, ?> env) { throw new UnsupportedOperationException(); }
        @Override public FileSystem getFileSystem(URI uri) { return SmallDisk.this; }
        @Override public Path getPath(URI uri) { return wrap(realProvider.getPath(uri)); }

        @Override
        public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
                throws IOException {
            return new CountingChannel(realProvider.newByteChannel(unwrap(path), options, attrs), unwrap(path));
        }

        @Override
        public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
                throws IOException {
            return realProvider.newFileChannel(unwrap(path), options, attrs);
        }

        @Override
        public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
                throws IOException {
            DirectoryStream<Path> stream = realProvider.newDirectoryStream(unwrap(dir), p -> filter.accept(wrap(p)));
            return new DirectoryStream<>() {
                @Override
                public Iterator<Path> iterator() {
                    Iterator<Path> it = stream.iterator();
                    return new Iterator<>() {
                        @Override public boolean hasNext() { return it.hasNext(); }
                        @Override public Path next() { return wrap(it.next()); }
                    };
                }

                @Override
                public void close() throws IOException {
                    stream.close();
                }
            };
        }

        @Override public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException { realProvider.createDirectory(unwrap(dir), attrs); }
        @Override public void delete(Path path) throws IOException { realProvider.delete(unwrap(path)); }
        @Override public void copy(Path source, Path target, CopyOption... options) throws IOException { realProvider.copy(unwrap(source), unwrap(target), options); }
        @Override public void move(Path source, Path target, CopyOption... options) throws IOException { realProvider.move(unwrap(source), unwrap(target), options); }
        @Override public boolean isSameFile(Path a, Path b) throws IOException { return realProvider.isSameFile(unwrap(a), unwrap(b)); }
        @Override public boolean isHidden(Path path) throws IOException { return realProvider.isHidden(unwrap(path)); }
        @Override public FileStore getFileStore(Path path) throws IOException { return realProvider.getFileStore(unwrap(path)); }
        @Override public void checkAccess(Path path, AccessMode... modes) throws IOException { realProvider.checkAccess(unwrap(path), modes); }
        @Override public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) { return realProvider.getFileAttributeView(unwrap(path), type, options); }
        @Override public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options) throws IOException { return realProvider.readAttributes(unwrap(path), type, options); }
        @Override public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException { return realProvider.readAttributes(unwrap(path), attributes, options); }
        @Override public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException { realProvider.setAttribute(unwrap(path), attribute, value, options); }
    }

    /** A real path, seen on the small disk. */
    private static final class DiskPath implements Path {
        private final SmallDisk disk;
        private final Path real;

        DiskPath(SmallDisk disk, Path real) {
            this.disk = disk;
            this.real = real;
        }

        @Override public FileSystem getFileSystem() { return disk; }
        @Override public boolean isAbsolute() { return real.isAbsolute(); }
        @Override public Path getRoot() { return disk.wrap(real.getRoot()); }
        @Override public Path getFileName() { return disk.wrap(real.getFileName()); }
        @Override public Path getParent() { return disk.wrap(real.getParent()); }
        @Override public int getNameCount() { return real.getNameCount(); }
        @Override public Path getName(int index) { return disk.wrap(real.getName(index)); }
        @Override public Path subpath(int begin, int end) { return disk.wrap(real.subpath(begin, end)); }
        @Override public boolean startsWith(Path other) { return real.startsWith(unwrap(other)); }
        @Override public boolean endsWith(Path other) { return real.endsWith(unwrap(other)); }
        @Override public Path normalize() { return disk.wrap(real.normalize()); }
        @Override public Path resolve(Path other) { return disk.wrap(real.resolve(unwrap(other))); }
        @Override public Path relativize(Path other) { return disk.wrap(real.relativize(unwrap(other))); }
        @Override public URI toUri() { return real.toUri(); }
        @Override public Path toAbsolutePath() { return disk.wrap(real.toAbsolutePath()); }
        @Override public Path toRealPath(LinkOption... options) throws IOException { return disk.wrap(real.toRealPath(options)); }
        @Override public File toFile() { return real.toFile(); }
        @Override public WatchKey register(WatchService w, WatchEvent.Kind<?>[] e, WatchEvent.Modifier... m) { throw new UnsupportedOperationException(); }
        @Override public int compareTo(Path other) { return real.compareTo(unwrap(other)); }
        @Override public boolean equals(Object o) { return o instanceof DiskPath p && p.real.equals(real); }
        @Override public int hashCode() { return real.hashCode(); }
        @Override public String toString() { return real.toString(); }
    }
}
