package io.pciledger.schemas.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Every released version of one topic's record schema, kept as files on the class path at
 * {@code schema-history/<full record name>/v<N>.avsc} (sources under
 * {@code schemas/src/main/resources/schema-history/}).
 *
 * <p>A reader holds all of them so that it can decode a record written by any earlier release. A
 * schema change is released by adding the next {@code vN.avsc}; the schemas module's tests fail
 * until the current schema is among the released versions, and check every version against the
 * current one with Avro's compatibility rules.
 */
public final class ReleasedSchemas {

    static final String HISTORY_ROOT = "schema-history/";

    private ReleasedSchemas() {
    }

    /** The released versions of the named record, oldest first; empty when none is kept. */
    public static List<Schema> of(final String fullName) {
        final List<Schema> versions = new ArrayList<>();
        for (int version = 1; ; version++) {
            final String resource = resourceName(fullName, version);
            try (InputStream in = ReleasedSchemas.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    return List.copyOf(versions);
                }
                versions.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read released schema " + resource, e);
            }
        }
    }

    /** Where version {@code version} of the named record's schema lives on the class path. */
    public static String resourceName(final String fullName, final int version) {
        return HISTORY_ROOT + fullName + "/v" + version + ".avsc";
    }

    /** The 64-bit fingerprint that the single-object encoding writes in every record's header. */
    public static long fingerprint(final Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }
}
