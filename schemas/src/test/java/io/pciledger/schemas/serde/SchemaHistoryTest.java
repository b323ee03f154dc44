package io.pciledger.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.schemas.topic.TopicDefinition;
import io.pciledger.schemas.topic.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards schema evolution: every topic's current schema is a released version, and the current
 * reader can read records written with every released version.
 */
class SchemaHistoryTest {

    static Stream<TopicDefinition<?>> topics() {
        return Topics.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void currentSchemaIsAReleasedVersion(final TopicDefinition<?> topic) throws IOException {
        final Schema current = SpecificData.get().getSchema(topic.valueType());
        final List<Schema> released = ReleasedSchemas.of(current.getFullName());
        final long fingerprint = ReleasedSchemas.fingerprint(current);

        final boolean isReleased = released.stream().anyMatch(schema -> ReleasedSchemas.fingerprint(schema) == fingerprint);
        if (!isReleased) {
            final String resource = ReleasedSchemas.resourceName(current.getFullName(), released.size() + 1);
            final Path candidate = Path.of("target", "schema-candidates", resource);
            Files.createDirectories(candidate.getParent());
            Files.writeString(candidate, current.toString(true) + "\n");
            assertThat(isReleased)
                    .as("the schema of %s changed: release it by copying %s to schemas/src/main/resources/%s",
                            current.getFullName(), candidate.toAbsolutePath(), resource)
                    .isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void everyReleasedVersionIsReadableByTheCurrentSchema(final TopicDefinition<?> topic) {
        final Schema current = SpecificData.get().getSchema(topic.valueType());
        final List<Schema> released = ReleasedSchemas.of(current.getFullName());

        assertThat(released).as("released versions of %s", current.getFullName()).isNotEmpty();
        for (int i = 0; i < released.size(); i++) {
            final SchemaCompatibility.SchemaPairCompatibility compatibility =
                    SchemaCompatibility.checkReaderWriterCompatibility(current, released.get(i));
            assertThat(compatibility.getType())
                    .as("current %s reading v%d: %s", current.getFullName(), i + 1, compatibility.getDescription())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }
}
