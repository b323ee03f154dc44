package io.pciledger.cli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an instant the way an auditor writes one: ISO-8601 in UTC ({@code 2026-05-01T10:00:00Z}) or with an offset
 * ({@code 2026-05-01T12:00:00+02:00}), or {@code now} (when the command starts).
 */
public final class InstantConverter implements ITypeConverter<Instant> {

    @Override
    public Instant convert(final String value) {
        final String text = value.trim();
        if (text.toLowerCase(Locale.ROOT).equals("now")) {
            return Instant.now();
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (final DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not an instant: write ISO-8601 with a zone, e.g. "
                    + "2026-05-01T10:00:00Z or 2026-05-01T12:00:00+02:00, or 'now'");
        }
    }
}
