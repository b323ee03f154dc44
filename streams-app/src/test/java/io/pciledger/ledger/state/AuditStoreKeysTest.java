package io.pciledger.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The keys of {@code host-events} and {@code device-history} sort in RocksDB's (unsigned byte) order as their parts
 * do, read back to what was written, and a device's prefix selects its keys and no others: whatever the text, NUL
 * bytes and prefixes of other names included.
 */
class AuditStoreKeysTest {

    /** Host, then sequence number: hosts compared as their UTF-8 bytes, as RocksDB sees them. */
    private static final Comparator<HostEventKey> HOST_THEN_SEQ = Comparator
            .comparing(HostEventKey::host, AuditStoreKeysTest::compareUtf8)
            .thenComparingLong(HostEventKey::seq);
    private static final Comparator<DeviceEventKey> HOST_ADDRESS_THEN_SEQ = Comparator
            .comparing(DeviceEventKey::host, AuditStoreKeysTest::compareUtf8)
            .thenComparing(DeviceEventKey::address, AuditStoreKeysTest::compareUtf8)
            .thenComparingLong(DeviceEventKey::seq);

    @Property
    void hostEventKeysSortByHostThenSequence(@ForAll("hostEventKeys") final HostEventKey first,
            @ForAll("hostEventKeys") final HostEventKey second) {
        assertThat(Integer.signum(Arrays.compareUnsigned(first.toBytes(), second.toBytes())))
                .isEqualTo(Integer.signum(HOST_THEN_SEQ.compare(first, second)));
    }

    @Property
    void deviceEventKeysSortByHostAddressThenSequence(@ForAll("deviceEventKeys") final DeviceEventKey first,
            @ForAll("deviceEventKeys") final DeviceEventKey second) {
        assertThat(Integer.signum(Arrays.compareUnsigned(first.toBytes(), second.toBytes())))
                .isEqualTo(Integer.signum(HOST_ADDRESS_THEN_SEQ.compare(first, second)));
    }

    @Property
    void keysReadBackAsWritten(@ForAll("hostEventKeys") final HostEventKey hostEvent,
            @ForAll("deviceEventKeys") final DeviceEventKey deviceEvent) {
        assertThat(HostEventKey.fromBytes(hostEvent.toBytes())).isEqualTo(hostEvent);
        assertThat(DeviceEventKey.fromBytes(deviceEvent.toBytes())).isEqualTo(deviceEvent);
    }

    @Property
    void aDevicesPrefixStartsItsKeysAndNoOthers(@ForAll("deviceEventKeys") final DeviceEventKey device,
            @ForAll("deviceEventKeys") final DeviceEventKey other) {
        final byte[] prefix = DeviceEventKey.prefix(device.host(), device.address());
        final boolean sameDevice = device.host().equals(other.host()) && device.address().equals(other.address());

        assertThat(startsWith(device.toBytes(), prefix)).isTrue();
        assertThat(startsWith(other.toBytes(), prefix)).isEqualTo(sameDevice);
    }

    @Example
    void aHostsKeysAreItsNameThenTheSequenceBigEndian() {
        assertThat(new HostEventKey("compute-1", 5).toBytes()).isEqualTo(concat(
                "compute-1".getBytes(StandardCharsets.UTF_8), new byte[] {0, 1, 0, 0, 0, 0, 0, 0, 0, 5}));
    }

    @Example
    void aNegativeSequenceOrAMissingHostIsRefusedNamingIt() {
        assertThatThrownBy(() -> new HostEventKey("compute-1", -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> new DeviceEventKey(null, "0000:af:00.0", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host");
    }

    @Example
    void bytesThatAreNoKeyAreRefused() {
        assertThatThrownBy(() -> HostEventKey.fromBytes("compute-1".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("no terminator");
        assertThatThrownBy(() -> HostEventKey.fromBytes(new byte[] {'h', 0, 1, 0, 1}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("cut short");
    }

    @Example
    void theEmptyAddressesPrefixDoesNotStartTheKeysOfAnAddressStartingWithNul() {
        assertThat(startsWith(new DeviceEventKey("h", "\u0000", 1).toBytes(), DeviceEventKey.prefix("h", "")))
                .isFalse();
    }

    @Provide
    Arbitrary<HostEventKey> hostEventKeys() {
        return Combinators.combine(names(), sequences()).as(HostEventKey::new);
    }

    @Provide
    Arbitrary<DeviceEventKey> deviceEventKeys() {
        return Combinators.combine(names(), names(), sequences()).as(DeviceEventKey::new);
    }

    /** Short names over an alphabet with NUL, the escape byte's neighbours and multi-byte characters. */
    private static Arbitrary<String> names() {
        return Arbitraries.strings().withChars('\u0000', '\u0001', 'a', 'b', ':', '\u00ff', '\u0100', '\uffff')
                .ofMaxLength(4);
    }

    private static Arbitrary<Long> sequences() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 300), Arbitraries.of(0L, 255L, 256L,
                Long.MAX_VALUE));
    }

    private static int compareUtf8(final String first, final String second) {
        return Arrays.compareUnsigned(first.getBytes(StandardCharsets.UTF_8), second.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean startsWith(final byte[] bytes, final byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] concat(final byte[] first, final byte[] second) {
        final byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
