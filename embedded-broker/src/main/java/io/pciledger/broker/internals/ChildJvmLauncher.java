package io.pciledger.broker.internals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts Java programs in child JVMs that run on this JVM's own class path, with the quiet logging
 * configuration, their output appended to a file and their standard input a pipe from this JVM.
 *
 * <p><b>Why the parent's class path:</b> {@code org.apache.kafka:kafka_2.13} is a compile dependency
 * of the embedded-broker module, so every program that can call the launcher has the broker and all
 * its dependencies on its class path already, in the versions its build resolved. The child reuses
 * the {@code java.class.path} system property rather than locating jars itself. Under Maven Surefire
 * that property holds the real test class path even when Surefire starts its fork through a
 * manifest-only jar. The class path travels in a {@code java @argfile}, so that a long one does not
 * hit the operating system's limit on the length of one argument. Jars named in a jar's
 * {@code Class-Path} manifest entry are followed as usual; a jar that nests other jars inside itself
 * (a Spring Boot-style executable jar) would not give the child a usable class path.
 *
 * <p>The Java binary is the one this JVM runs on ({@code java.home}).
 */
public final class ChildJvmLauncher {

    private final Path javaBinary;
    private final List<String> sharedOptions;

    private ChildJvmLauncher(final Path javaBinary, final List<String> sharedOptions) {
        this.javaBinary = javaBinary;
        this.sharedOptions = List.copyOf(sharedOptions);
    }

    /**
     * Prepares the class path argument file and the logging configuration in the data directory.
     *
     * @param dataDirectory where the shared files of the child JVMs are written
     * @return a launcher for child JVMs on this JVM's class path
     */
    public static ChildJvmLauncher sharingThisClassPath(final DataDirectory dataDirectory) {
        final Path argumentFile = dataDirectory.childClassPathArguments();
        writeClassPathArguments(System.getProperty("java.class.path"), argumentFile);
        final String loggingOption = QuietChildLogging.writeTo(dataDirectory.childLoggingConfig());
        final Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ChildJvmLauncher(javaBinary, List.of("@" + argumentFile, loggingOption));
    }

    /**
     * Starts a child JVM.
     *
     * @param jvmOptions options placed before the main class, such as {@code -Xmx512m}
     * @param mainClass  the fully qualified name of the class to run
     * @param arguments  the program's arguments
     * @param outputFile the file that receives the child's standard output and error, appended
     * @return the started process; its standard input is an open pipe that nobody writes to
     */
    public Process launch(final List<String> jvmOptions, final String mainClass, final List<String> arguments,
                          final Path outputFile) {
        final List<String> command = new ArrayList<>();
        command.add(javaBinary.toString());
        command.addAll(jvmOptions);
        command.addAll(sharedOptions);
        command.add(mainClass);
        command.addAll(arguments);
        try {
            Files.createDirectories(outputFile.getParent());
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(outputFile.toFile()))
                    .redirectInput(Redirect.PIPE)
                    .start();
        } catch (final IOException e) {
            throw new UncheckedIOException("Could not start a child JVM running " + mainClass + " with " + javaBinary, e);
        }
    }

    private static void writeClassPathArguments(final String classPath, final Path argumentFile) {
        final String quoted = "\"" + classPath.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        try {
            Files.writeString(argumentFile, "-cp " + quoted + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("Could not write the child JVM class path file " + argumentFile, e);
        }
    }
}
