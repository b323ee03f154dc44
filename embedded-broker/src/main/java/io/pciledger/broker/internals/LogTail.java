package io.pciledger.broker.internals;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the last lines of a log file, to show why a node failed without reading a large file whole. */
public final class LogTail {

    /** How many lines a startup failure shows. */
    public static final int LINES = 30;

    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {
    }

    /**
     * Reads the last lines of a file.
     *
     * @param file  the log file
     * @param lines how many lines at most
     * @return the lines, oldest first; a single explanatory line if the file cannot be read
     */
    public static List<String> of(final Path file, final int lines) {
        if (!Files.exists(file)) {
            return List.of("(no log: " + file + " does not exist)");
        }
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            final long start = Math.max(0, log.length() - MAX_BYTES);
            final byte[] bytes = new byte[(int) (log.length() - start)];
            log.seek(start);
            log.readFully(bytes);
            final List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (final IOException e) {
            return List.of("(could not read " + file + ": " + e.getMessage() + ")");
        }
    }
}
