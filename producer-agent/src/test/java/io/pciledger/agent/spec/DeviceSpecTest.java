package io.pciledger.agent.spec;

import static io.pciledger.agent.spec.SpecAssertions.assertRejected;
import static io.pciledger.agent.spec.TestDevices.DISK;
import static io.pciledger.agent.spec.TestDevices.GPU;
import static io.pciledger.agent.spec.TestDevices.HOST;
import static io.pciledger.agent.spec.TestDevices.PF;
import static io.pciledger.agent.spec.TestDevices.VF_1;
import static io.pciledger.agent.spec.TestDevices.VF_2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pciledger.agent.device.HostDevices;
import io.pciledger.agent.device.PciDevice;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceSpecTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static DeviceSpec spec(final String json) {
        try {
            return DeviceSpec.fromJson(0, JSON.readTree(json));
        } catch (final com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<PciDevice> matchedOn(final HostDevices host, final String json) {
        final DeviceSpec spec = spec(json);
        return host.devices().stream().filter(device -> spec.matches(device, host)).toList();
    }

    private static List<PciDevice> matched(final String json) {
        return matchedOn(HOST, json);
    }

    private static DeviceSpecException.Kind errorOf(final String json) {
        try {
            spec(json);
        } catch (final DeviceSpecException e) {
            return e.kind();
        }
        throw new AssertionError("expected " + json + " to be rejected");
    }

    @Test
    void emptyEntryMatchesEveryDevice() {
        assertThat(matched("{}")).containsExactly(PF, VF_1, VF_2, GPU, DISK);
    }

    @Test
    void vendorAndProductNarrowTheMatch() {
        assertThat(matched("{\"vendor_id\": \"8086\"}")).containsExactly(PF, VF_1, VF_2);
        assertThat(matched("{\"vendor_id\": \"8086\", \"product_id\": \"154c\"}")).containsExactly(VF_1, VF_2);
    }

    @Test
    void starVendorOrProductMatchesAny() {
        assertThat(matched("{\"vendor_id\": \"*\", \"product_id\": \"*\"}")).hasSize(5);
    }

    @Test
    void idsAreComparedAsFourLowerCaseHexDigits() {
        assertThat(matched("{\"vendor_id\": \"10DE\"}")).containsExactly(GPU);
        assertThat(matched("{\"vendor_id\": \"0x10de\"}")).containsExactly(GPU);
        assertThat(matched("{\"vendor_id\": \" 10de \"}")).containsExactly(GPU);
        assertThat(matchedOn(TestDevices.host(TestDevices.pci("0000:01:00.0", "00ab", "0001", "ff0000")),
                "{\"vendor_id\": \"ab\", \"product_id\": \"1\"}")).hasSize(1);
    }

    @Test
    void idThatIsNotHexIsInvalidHex() {
        assertThat(errorOf("{\"vendor_id\": \"80g6\"}")).isEqualTo(DeviceSpecException.Kind.INVALID_HEX);
        assertThat(errorOf("{\"product_id\": \"\"}")).isEqualTo(DeviceSpecException.Kind.INVALID_HEX);
    }

    @Test
    void idThatIsNotAStringIsInvalidHex() {
        assertThat(errorOf("{\"vendor_id\": 8086}")).isEqualTo(DeviceSpecException.Kind.INVALID_HEX);
    }

    @Test
    void idOverFfffIsOutOfRangeAndNamesTheProperty() {
        assertRejected(() -> spec("{\"vendor_id\": \"80860\"}"), DeviceSpecException.Kind.VALUE_OUT_OF_RANGE)
                .hasMessage("device_spec entry 0: property vendor_id (80860) is greater than the maximum"
                        + " allowable value (FFFF)");
    }

    @Test
    void productIdIsNotStrippedBeforeTheWildcardCheckAsInNova() {
        assertThat(errorOf("{\"product_id\": \" * \"}")).isEqualTo(DeviceSpecException.Kind.INVALID_HEX);
        assertThat(matched("{\"vendor_id\": \" * \"}")).hasSize(5);
    }

    @Test
    void globAddressMatchesTheFunctionsItCovers() {
        assertThat(matched("{\"address\": \"0a:02.*\"}")).containsExactly(VF_1, VF_2);
    }

    @Test
    void regexAddressMatchesTheFunctionsItCovers() {
        assertThat(matched("{\"address\": {\"bus\": \"[35]\"}}")).containsExactly(GPU, DISK);
    }

    @Test
    void addressThatIsNeitherStringNorObjectIsInvalid() {
        assertThat(errorOf("{\"address\": [\".*\", \"0a\"]}")).isEqualTo(DeviceSpecException.Kind.INVALID_ADDRESS);
        assertThat(errorOf("{\"address\": 10}")).isEqualTo(DeviceSpecException.Kind.INVALID_ADDRESS);
    }

    @Test
    void emptyOrNullAddressMeansAnyAddressAsInNova() {
        assertThat(matched("{\"address\": \"\"}")).hasSize(5);
        assertThat(matched("{\"address\": null}")).hasSize(5);
        assertThat(matched("{\"address\": {}}")).hasSize(5);
    }

    @Test
    void addressOfAPhysicalFunctionMatchesItAndAllItsVfs() {
        assertThat(matched("{\"address\": \"0000:0a:00.0\"}")).containsExactly(PF, VF_1, VF_2);
    }

    @Test
    void regexSpellingOfAPhysicalFunctionAlsoMatchesItsVfs() {
        assertThat(matched("{\"address\": {\"domain\": \"0000\", \"bus\": \"0a\", \"slot\": \"00\","
                + " \"function\": \"0\"}}")).containsExactly(PF, VF_1, VF_2);
    }

    @Test
    void vfOfAPhysicalFunctionMustStillMatchVendorAndProduct() {
        assertThat(matched("{\"address\": \"0000:0a:00.0\", \"product_id\": \"154c\"}"))
                .containsExactly(VF_1, VF_2);
    }

    @Test
    void globCoveringAPhysicalFunctionDoesNotExpandToItsVfs() {
        assertThat(matched("{\"address\": \"0a:00.0\"}")).containsExactly(PF);
        assertThat(matched("{\"address\": \"0000:0a:00.*\"}")).containsExactly(PF);
    }

    @Test
    void addressOfADeviceThatIsNotAPhysicalFunctionMatchesOnlyIt() {
        assertThat(matched("{\"address\": \"0000:0a:02.0\"}")).containsExactly(VF_1);
        assertThat(matched("{\"address\": \"0000:3b:00.0\"}")).containsExactly(GPU);
    }

    @Test
    void devnameMatchesTheFunctionOfThatInterface() {
        assertThat(matched("{\"devname\": \"ens1f0v0\"}")).containsExactly(VF_1);
    }

    @Test
    void devnameOfAPhysicalFunctionMatchesItAndItsVfs() {
        assertThat(matched("{\"devname\": \"ens1f0\"}")).containsExactly(PF, VF_1, VF_2);
    }

    @Test
    void devnameTheHostDoesNotHaveMatchesNothing() {
        assertThat(matched("{\"devname\": \"eth9\"}")).isEmpty();
    }

    @Test
    void emptyDevnameIsIgnoredAsInNova() {
        assertThat(matched("{\"devname\": \"\"}")).hasSize(5);
    }

    @Test
    void devnameWithAddressIsAnError() {
        assertRejected(() -> spec("{\"devname\": \"eth0\", \"address\": \"*:*:*.5\"}"),
                DeviceSpecException.Kind.DEVNAME_WITH_ADDRESS)
                .hasMessageContaining("devname \"eth0\"")
                .hasMessageContaining("not both");
    }

    @Test
    void devnameThatIsNotAStringIsInvalid() {
        assertThat(errorOf("{\"devname\": 5}")).isEqualTo(DeviceSpecException.Kind.INVALID_DEVNAME);
    }

    @Test
    void otherKeysAreTags() {
        final DeviceSpec spec = spec("{\"vendor_id\": \"8086\", \"physical_network\": \"physnet1\","
                + " \"trusted\": \"true\", \"remote_managed\": false, \"numa\": 1, \"name\": \"sriov\"}");

        assertThat(spec.tags()).containsExactly(
                java.util.Map.entry("numa", "1"),
                java.util.Map.entry("physical_network", "physnet1"),
                java.util.Map.entry("remote_managed", "false"),
                java.util.Map.entry("trusted", "true"));
    }

    @Test
    void nullTagIsNoTag() {
        assertThat(spec("{\"physical_network\": null}").tags()).isEmpty();
    }

    @Test
    void nameIsTheGroupOfMatchedDevices() {
        assertThat(spec("{\"name\": \"gpu-a100\"}").groupFor(GPU)).isEqualTo("gpu-a100");
    }

    @Test
    void withoutNameTheGroupIsTheDefaultOfTheDeviceClass() {
        final DeviceSpec spec = spec("{}");

        assertThat(spec.groupFor(VF_1)).isEqualTo("default-network");
        assertThat(spec.groupFor(GPU)).isEqualTo("default-gpu");
        assertThat(spec.groupFor(DISK)).isEqualTo("default-storage");
    }

    @Test
    void invalidGroupNamesAreRejected() {
        assertThat(errorOf("{\"name\": \"\"}")).isEqualTo(DeviceSpecException.Kind.INVALID_GROUP_NAME);
        assertThat(errorOf("{\"name\": \"gpu a100\"}")).isEqualTo(DeviceSpecException.Kind.INVALID_GROUP_NAME);
        assertThat(errorOf("{\"name\": 7}")).isEqualTo(DeviceSpecException.Kind.INVALID_GROUP_NAME);
        assertThat(errorOf("{\"name\": \"" + "g".repeat(65) + "\"}"))
                .isEqualTo(DeviceSpecException.Kind.INVALID_GROUP_NAME);
    }

    @Test
    void longestValidGroupNameIsAccepted() {
        assertThat(spec("{\"name\": \"" + "g".repeat(64) + "\"}").name()).contains("g".repeat(64));
    }

    @Test
    void mismatchSaysWhichConditionFailed() {
        assertThat(spec("{\"vendor_id\": \"8086\"}").mismatch(GPU, HOST)).contains("vendor_id 10de is not 8086");
        assertThat(spec("{\"address\": \"0000:0a:00.0\"}").mismatch(GPU, HOST))
                .contains("address 0000:3b:00.0 is not the physical function 0000:0a:00.0 or one of its VFs");
        assertThat(spec("{\"devname\": \"eth9\"}").mismatch(GPU, HOST))
                .contains("devname eth9 is not a network interface of this host");
        assertThat(spec("{}").mismatch(GPU, HOST)).isEmpty();
    }

    @Test
    void remoteManagedVfsOfAPhysicalFunctionAreAccepted() {
        spec("{\"address\": \"0000:0a:00.0\", \"product_id\": \"154c\", \"remote_managed\": \"true\"}").checkOn(HOST);
    }

    @Test
    void remoteManagedEntryThatMatchesThePhysicalFunctionItselfIsRejected() {
        final DeviceSpec spec = spec("{\"address\": \"0000:0a:00.0\", \"remote_managed\": \"true\"}");

        assertRejected(() -> spec.checkOn(HOST), DeviceSpecException.Kind.REMOTE_MANAGED_PF)
                .hasMessageContaining("0000:0a:00.0")
                .hasMessageContaining("154c");
    }

    @Test
    void remoteManagedEntryWithIdsOfNeitherPfNorVfIsRejected() {
        final DeviceSpec spec = spec("{\"address\": \"0000:0a:00.0\", \"product_id\": \"5050\","
                + " \"remote_managed\": \"yes\"}");

        assertRejected(() -> spec.checkOn(HOST), DeviceSpecException.Kind.REMOTE_MANAGED_VF_MISMATCH);
    }

    @Test
    void remoteManagedDevnameTheHostDoesNotHaveIsRejected() {
        final DeviceSpec spec = spec("{\"devname\": \"eth9\", \"remote_managed\": \"True\"}");

        assertRejected(() -> spec.checkOn(HOST), DeviceSpecException.Kind.REMOTE_MANAGED_NOT_PRESENT);
    }

    @Test
    void remoteManagedFalseIsNotChecked() {
        spec("{\"address\": \"0000:0a:00.0\", \"remote_managed\": \"false\"}").checkOn(HOST);
        spec("{\"devname\": \"eth9\", \"remote_managed\": \"maybe\"}").checkOn(HOST);
    }
}
