package io.pciledger.agent.spec;

import static io.pciledger.agent.spec.SpecAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.agent.device.DevType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AliasTableTest {

    private static final String QAT_0443 =
            "{\"name\": \"QuickAssist\", \"vendor_id\": \"8086\", \"product_id\": \"0443\", \"device_type\": \"type-PCI\","
                    + " \"numa_policy\": \"required\"}";
    private static final String QAT_0442 =
            "{\"name\": \"QuickAssist\", \"vendor_id\": \"8086\", \"product_id\": \"0442\", \"device_type\": \"type-PCI\","
                    + " \"numa_policy\": \"required\"}";
    private static final String A100 = "{\"name\": \"a100\", \"vendor_id\": \"10de\", \"product_id\": \"20b0\"}";

    private static AliasException.Kind errorOf(final String... values) {
        try {
            AliasTable.parse(List.of(values));
        } catch (final AliasException e) {
            return e.kind();
        }
        throw new AssertionError("expected " + List.of(values) + " to be rejected");
    }

    private static String alias(final String extraProperties) {
        return "{\"name\": \"x\", \"vendor_id\": \"8086\", \"product_id\": \"0443\"" + extraProperties + "}";
    }

    @Test
    void readsEveryPropertyOfTheSchema() {
        final PciAlias alias = AliasTable.parse(List.of(alias(", \"device_type\": \"type-VF\", \"numa_policy\":"
                + " \"socket\", \"resource_class\": \"CUSTOM_X\", \"traits\": \"A,B\", \"live_migratable\": \"yes\","
                + " \"capability_type\": \"pci\""))).find("x").orElseThrow();

        assertThat(alias.numaPolicy()).isEqualTo(NumaPolicy.SOCKET);
        assertThat(alias.deviceType()).contains(DevType.TYPE_VF);
        assertThat(alias.specs()).containsExactly(new AliasSpec(Optional.of("8086"), Optional.of("0443"),
                Optional.of(DevType.TYPE_VF), Optional.of("CUSTOM_X"), Optional.of("A,B"), Optional.of(true),
                Optional.of("pci")));
    }

    @Test
    void numaPolicyDefaultsToLegacy() {
        assertThat(AliasTable.parse(List.of(A100)).find("a100").orElseThrow().numaPolicy())
                .isEqualTo(NumaPolicy.LEGACY);
    }

    @Test
    void valuesWithTheSameNameAreOred() {
        final PciAlias alias = AliasTable.parse(List.of(QAT_0443, QAT_0442)).find("QuickAssist").orElseThrow();

        assertThat(alias.specs()).extracting(AliasSpec::productId)
                .containsExactly(Optional.of("0443"), Optional.of("0442"));
    }

    @Test
    void nameIsStripped() {
        assertThat(AliasTable.parse(List.of(A100.replace("\"a100\"", "\" a100 \""))).find("a100")).isPresent();
    }

    @Test
    void sameNameWithAnotherNumaPolicyIsAConflict() {
        assertThat(errorOf(QAT_0443, QAT_0442.replace("required", "preferred")))
                .isEqualTo(AliasException.Kind.NUMA_POLICY_MISMATCH);
    }

    @Test
    void sameNameWithAnotherDeviceTypeIsAConflict() {
        assertRejected(() -> AliasTable.parse(List.of(QAT_0443, QAT_0442.replace("type-PCI", "type-VF"))),
                AliasException.Kind.DEVICE_TYPE_MISMATCH)
                .hasMessageContaining("'QuickAssist'")
                .hasMessageContaining("type-VF");
    }

    @Test
    void valueThatIsNotJsonIsInvalidJson() {
        assertThat(errorOf("{\"name\": ")).isEqualTo(AliasException.Kind.INVALID_JSON);
    }

    @Test
    void valueThatIsAListIsNotAnObject() {
        assertThat(errorOf("[" + A100 + "]")).isEqualTo(AliasException.Kind.NOT_AN_OBJECT);
    }

    @Test
    void unknownPropertyIsRejected() {
        assertRejected(() -> AliasTable.parse(List.of(alias(", \"device_id\": \"1502\""))),
                AliasException.Kind.UNKNOWN_PROPERTY)
                .hasMessageContaining("'device_id'");
    }

    @Test
    void missingNameIsRejected() {
        assertThat(errorOf("{\"vendor_id\": \"8086\", \"product_id\": \"0443\"}"))
                .isEqualTo(AliasException.Kind.MISSING_NAME);
    }

    @Test
    void emptyOrOverlongNameIsRejected() {
        assertThat(errorOf(A100.replace("\"a100\"", "\"\""))).isEqualTo(AliasException.Kind.INVALID_PROPERTY);
        assertThat(errorOf(A100.replace("a100", "n".repeat(257)))).isEqualTo(AliasException.Kind.INVALID_PROPERTY);
    }

    @Test
    void idsMustBeExactlyFourHexDigits() {
        assertThat(errorOf(A100.replace("\"10de\"", "\"10d\""))).isEqualTo(AliasException.Kind.INVALID_PROPERTY);
        assertThat(errorOf(A100.replace("\"10de\"", "\"0x10de\""))).isEqualTo(AliasException.Kind.INVALID_PROPERTY);
    }

    @Test
    void enumeratedPropertiesRejectOtherValues() {
        assertThat(errorOf(alias(", \"device_type\": \"type-vDPA\""))).isEqualTo(AliasException.Kind.INVALID_PROPERTY);
        assertThat(errorOf(alias(", \"numa_policy\": \"strict\""))).isEqualTo(AliasException.Kind.INVALID_PROPERTY);
        assertThat(errorOf(alias(", \"capability_type\": \"usb\""))).isEqualTo(AliasException.Kind.INVALID_PROPERTY);
    }

    @Test
    void liveMigratableMustBeBooleanLike() {
        assertRejected(() -> AliasTable.parse(List.of(alias(", \"live_migratable\": \"maybe\""))),
                AliasException.Kind.INVALID_PROPERTY)
                .hasMessageContaining("'maybe'")
                .hasMessageContaining("'yes'");
    }

    @Test
    void propertyThatIsNotAStringIsRejected() {
        assertThat(errorOf(alias(", \"live_migratable\": true"))).isEqualTo(AliasException.Kind.INVALID_PROPERTY);
    }

    @Test
    void aliasWithoutVendorAndProductIdIsRejected() {
        assertRejected(() -> AliasTable.parse(List.of("{\"name\": \"b\", \"vendor_id\": \"8086\"}",
                "{\"name\": \"a\", \"resource_class\": \"CUSTOM_A\"}")), AliasException.Kind.MISSING_IDS)
                .hasMessageContaining("a,b");
    }

    @Test
    void extraSpecResolvesEachAliasToTheGroupOfTheSameName() {
        final AliasTable aliases = AliasTable.parse(List.of(QAT_0443, A100));

        assertThat(aliases.groupRequests("QuickAssist:2, a100:1"))
                .containsExactly(new GroupRequest("QuickAssist", 2), new GroupRequest("a100", 1));
    }

    @Test
    void extraSpecNamingAnUndefinedAliasIsRejected() {
        assertRejected(() -> AliasTable.parse(List.of(A100)).groupRequests("h100:1"),
                AliasRequestException.Kind.ALIAS_NOT_DEFINED)
                .hasMessageContaining("PCI alias h100 is not defined");
    }

    @Test
    void aliasWhoseNameCannotBeAGroupNameCannotBeResolved() {
        final AliasTable aliases = AliasTable.parse(List.of(A100.replace("a100", "my gpu")));

        assertRejected(() -> aliases.groupRequests("my gpu:1"), AliasRequestException.Kind.NOT_A_GROUP_NAME);
    }
}
