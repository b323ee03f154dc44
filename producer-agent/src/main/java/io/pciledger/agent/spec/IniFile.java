package io.pciledger.agent.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One INI file as OpenStack's oslo.config reads it, which is how nova.conf must be read to get the same
 * values Nova gets:
 * <ul>
 *   <li>{@code [section]} starts a section; a section may appear several times, its keys add up.</li>
 *   <li>{@code key = value} or {@code key: value} (whichever separator comes first); key and value are
 *       stripped, and a value wholly in matching single or double quotes loses them.</li>
 *   <li>A line starting with a blank continues the value of the line before (joined with a newline),
 *       so a JSON value may span lines; a blank line ends it.</li>
 *   <li>Lines starting with {@code #} or {@code ;} are comments; there are no end-of-line comments.</li>
 *   <li>A key given several times keeps every value, in order: that is how multi-valued options such as
 *       {@code device_spec} are written.</li>
 * </ul>
 */
final class IniFile {

    private final Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();

    private IniFile() {
    }

    /**
     * @param file names the file in errors
     * @throws ConfigFileException for a line oslo.config would reject, with its number
     */
    static IniFile parse(final String text, final String file) {
        final IniFile ini = new IniFile();
        new Parser(ini, file).parse(text);
        return ini;
    }

    /** Every value of {@code key} in {@code section}, in file order; empty when there is none. */
    List<String> values(final String section, final String key) {
        return sections.getOrDefault(section, Map.of()).getOrDefault(key, List.of());
    }

    /** The names of the sections, as written. */
    List<String> sectionNames() {
        return List.copyOf(sections.keySet());
    }

    private static final class Parser {
        private final IniFile ini;
        private final String file;
        private String section;
        private String key;
        private List<String> valueLines = new ArrayList<>();

        Parser(final IniFile ini, final String file) {
            this.ini = ini;
            this.file = file;
        }

        void parse(final String text) {
            final String[] lines = text.split("\r?\n", -1);
            for (int index = 0; index < lines.length; index++) {
                final int number = index + 1;
                final String line = lines[index].stripTrailing();
                if (line.isEmpty()) {
                    flush();
                } else if (line.startsWith(" ") || line.startsWith("\t")) {
                    if (key == null) {
                        throw new ConfigFileException(file, number, "Unexpected continuation line: '" + line + "'");
                    }
                    valueLines.add(line.stripLeading());
                } else {
                    flush();
                    if (line.startsWith("[")) {
                        startSection(line, number);
                    } else if (!line.startsWith("#") && !line.startsWith(";")) {
                        startAssignment(line, number);
                    }
                }
            }
            flush();
        }

        private void startSection(final String line, final int number) {
            if (!line.endsWith("]")) {
                throw new ConfigFileException(file, number, "Invalid section (must end with ]): '" + line + "'");
            }
            if (line.length() <= 2) {
                throw new ConfigFileException(file, number, "Empty section name: '" + line + "'");
            }
            section = line.substring(1, line.length() - 1);
            ini.sections.computeIfAbsent(section, name -> new LinkedHashMap<>());
        }

        private void startAssignment(final String line, final int number) {
            final int colon = line.indexOf(':');
            final int equal = line.indexOf('=');
            if (colon < 0 && equal < 0) {
                throw new ConfigFileException(file, number, "No ':' or '=' found in assignment: '" + line + "'");
            }
            final int separator = colon < 0 || (equal >= 0 && equal < colon) ? equal : colon;
            final String name = line.substring(0, separator).strip();
            if (name.isEmpty()) {
                throw new ConfigFileException(file, number, "Key cannot be empty: '" + line + "'");
            }
            if (section == null) {
                throw new ConfigFileException(file, number,
                        "'" + name + "' is set before any [section]; expected e.g. [pci] above it");
            }
            key = name;
            valueLines = new ArrayList<>(List.of(unquote(line.substring(separator + 1).strip())));
        }

        private void flush() {
            if (key != null) {
                ini.sections.get(section).computeIfAbsent(key, name -> new ArrayList<>())
                        .add(String.join("\n", valueLines));
                key = null;
            }
        }

        private static String unquote(final String value) {
            final boolean quoted = value.length() >= 1 && (value.startsWith("\"") || value.startsWith("'"))
                    && value.charAt(0) == value.charAt(value.length() - 1);
            return quoted ? value.substring(1, Math.max(1, value.length() - 1)) : value;
        }
    }
}
