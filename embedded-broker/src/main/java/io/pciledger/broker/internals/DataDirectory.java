package io.pciledger.broker.internals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The directory an embedded cluster keeps everything in: one {@link NodeFiles} directory per node
 * and the files shared by every child JVM.
 *
 * <p>A temporary directory is created for a cluster that was given none and is deleted when the
 * cluster closes; a directory the caller gave is kept, so that the next run finds its data.
 */
public final class DataDirectory {

    private final Path root;
    private final boolean temporary;

    private DataDirectory(final Path root, final boolean temporary) {
        this.root = root;
        this.temporary = temporary;
    }

    /** Creates a fresh temporary directory, deleted by {@link #deleteIfTemporary()}. */
    public static DataDirectory temporary() {
        try {
            return new DataDirectory(Files.createTempDirectory("pci-ledger-kafka-"), true);
        } catch (final IOException e) {
            throw new UncheckedIOException("Could not create a temporary data directory for the embedded Kafka cluster", e);
        }
    }

    /** Uses the given directory, creating it if needed, and never deletes it. */
    public static DataDirectory kept(final Path root) {
        try {
            return new DataDirectory(Files.createDirectories(root.toAbsolutePath()), false);
        } catch (final IOException e) {
            throw new UncheckedIOException("Could not create the embedded Kafka data directory " + root, e);
        }
    }

    /** The directory itself. */
    public Path root() {
        return root;
    }

    /** The files of the node with the given id. */
    public NodeFiles node(final int nodeId) {
        return new NodeFiles(root.resolve("node-" + nodeId));
    }

    /** The logging configuration every child JVM is started with. */
    public Path childLoggingConfig() {
        return root.resolve("child-jvm-logback.xml");
    }

    /** The {@code java @file} argument file that carries the child JVMs' class path. */
    public Path childClassPathArguments() {
        return root.resolve("child-jvm-classpath.args");
    }

    /** Deletes the directory and everything in it if it was created by {@link #temporary()}. */
    public void deleteIfTemporary() {
        if (temporary && Files.exists(root)) {
            deleteRecursively(root);
        }
    }

    private static void deleteRecursively(final Path directory) {
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(final Path file, final BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(final Path visited, final IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    Files.delete(visited);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (final IOException e) {
            throw new UncheckedIOException("Could not delete the temporary data directory " + directory, e);
        }
    }
}
