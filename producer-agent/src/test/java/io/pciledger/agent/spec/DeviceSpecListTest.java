package io.pciledger.agent.spec;

import static io.pciledger.agent.spec.TestDevices.DISK;
import static io.pciledger.agent.spec.TestDevices.GPU;
import static io.pciledger.agent.spec.TestDevices.HOST;
import static io.pciledger.agent.spec.TestDevices.PF;
import static io.pciledger.agent.spec.TestDevices.VF_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceSpecListTest {

    private static DeviceSpecException rejection(final List<String> values) {
        try {
            DeviceSpecList.parse(values);
        } catch (final DeviceSpecException e) {
            return e;
        }
        throw new AssertionError("expected " + values + " to be rejected");
    }

    @Test
    void singleObjectAndListOfObjectsAreBothAccepted() {
        assertThat(DeviceSpecList.parse("{\"vendor_id\": \"8086\"}").specs()).hasSize(1);
        assertThat(DeviceSpecList.parse("[{\"vendor_id\": \"8086\"}, {}]").specs()).hasSize(2);
    }

    @Test
    void entriesOfAllValuesAreNumberedInOrder() {
        final DeviceSpecList specs = DeviceSpecList.parse(List.of("[{}, {}]", "{\"name\": \"third\"}"));

        assertThat(specs.specs()).extracting(DeviceSpec::index).containsExactly(0, 1, 2);
        assertThat(specs.specs().get(2).name()).contains("third");
    }

    @Test
    void valueThatIsNotJsonIsInvalidJson() {
        final DeviceSpecException e = rejection(List.of("{\"vendor_id\": \"8086\""));

        assertThat(e.kind()).isEqualTo(DeviceSpecException.Kind.INVALID_JSON);
        assertThat(e.entry()).isEmpty();
        assertThat(e).hasMessageContaining("device_spec value 0").hasMessageContaining("{\"vendor_id\": \"8086\"");
    }

    @Test
    void trailingTextAfterTheJsonIsInvalidJson() {
        assertThat(rejection(List.of("{} {}")).kind()).isEqualTo(DeviceSpecException.Kind.INVALID_JSON);
    }

    @Test
    void valueThatIsNeitherObjectNorListIsRejected() {
        assertThat(rejection(List.of("\"8086\"")).kind()).isEqualTo(DeviceSpecException.Kind.NOT_OBJECT_OR_LIST);
    }

    @Test
    void listElementThatIsNotAnObjectIsRejectedWithItsIndex() {
        final DeviceSpecException e = rejection(List.of("{}", "[{}, 42]"));

        assertThat(e.kind()).isEqualTo(DeviceSpecException.Kind.NOT_AN_OBJECT);
        assertThat(e.entry()).hasValue(2);
        assertThat(e).hasMessageStartingWith("device_spec entry 2: element 42");
    }

    @Test
    void entryErrorNamesTheEntryIndex() {
        final DeviceSpecException e = rejection(List.of("{}", "{\"address\": \"0000:0a:0b:00.5\"}"));

        assertThat(e.kind()).isEqualTo(DeviceSpecException.Kind.TOO_MANY_ADDRESS_PARTS);
        assertThat(e.entry()).hasValue(1);
        assertThat(e.reason()).contains("'0000:0a:0b:00.5'");
    }

    @Test
    void firstErrorInConfigurationOrderIsReported() {
        final DeviceSpecException e = rejection(List.of("{\"vendor_id\": \"zz\"}", "not json"));

        assertThat(e.kind()).isEqualTo(DeviceSpecException.Kind.INVALID_HEX);
    }

    @Test
    void unmatchedDevicesAreNotAssignable() {
        final GroupAssignment assignment = DeviceSpecList.parse("{\"vendor_id\": \"10de\"}").match(HOST);

        assertThat(assignment.matched()).extracting(MatchedDevice::device).containsExactly(GPU);
        assertThat(assignment.unmatched()).hasSize(4).doesNotContain(GPU);
    }

    @Test
    void emptySpecMakesNothingAssignable() {
        assertThat(DeviceSpecList.empty().match(HOST).matched()).isEmpty();
    }

    @Test
    void firstMatchingEntryWinsItsGroupAndTags() {
        final GroupAssignment assignment = DeviceSpecList.parse(List.of(
                "{\"vendor_id\": \"8086\", \"product_id\": \"154c\", \"name\": \"vfs\", \"physical_network\": \"a\"}",
                "{\"vendor_id\": \"8086\", \"name\": \"intel\", \"physical_network\": \"b\"}")).match(HOST);

        assertThat(assignment.matchOf(VF_1.address())).contains(
                new MatchedDevice(VF_1, 0, "vfs", Map.of("physical_network", "a")));
        assertThat(assignment.matchOf(PF.address())).contains(
                new MatchedDevice(PF, 1, "intel", Map.of("physical_network", "b")));
    }

    @Test
    void countsAssignableDevicesPerGroup() {
        final GroupAssignment assignment = DeviceSpecList.parse(
                "[{\"address\": \"0000:0a:00.0\", \"name\": \"physnet1\"}, {}]").match(HOST);

        assertThat(assignment.assignableCounts()).containsExactly(
                Map.entry("default-gpu", 1), Map.entry("default-storage", 1), Map.entry("physnet1", 3));
    }

    @Test
    void matchingChecksRemoteManagedEntriesAgainstTheHost() {
        final DeviceSpecList specs = DeviceSpecList.parse("{\"devname\": \"eth9\", \"remote_managed\": \"true\"}");

        assertThatThrownBy(() -> specs.match(HOST))
                .isInstanceOfSatisfying(DeviceSpecException.class,
                        e -> assertThat(e.entry()).hasValue(0));
    }

    @Test
    void disksMatchedWithoutNameGoToDefaultStorage() {
        assertThat(DeviceSpecList.parse("{\"vendor_id\": \"144d\"}").match(HOST).matchOf(DISK.address()))
                .map(MatchedDevice::group).contains("default-storage");
    }
}
