package io.pciledger.agent.sysfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.pciledger.agent.device.PciAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A bad entry is skipped with its reason, and the rest of the host is still scanned. */
class SysfsScannerRobustnessTest extends SmallHostTreeTest {

    private Path entryOf(final PciAddress address) {
        return tree.pciDevicesDirectory().resolve(address.toString());
    }

    private void assertOnlySkipped(final SysfsScanReport report, final PciAddress address, final String reason) {
        assertThat(report.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.path()).isEqualTo(entryOf(address));
            assertThat(skip.reason()).contains(reason);
        });
        assertThat(report.devices().find(address)).isEmpty();
        assertThat(report.devices().size()).isEqualTo(SmallHost.FUNCTIONS - 1);
    }

    /** An odd entry added beside the host's own: it alone is skipped, every real function is found. */
    private void assertOnlyExtraEntrySkipped(final String reason) {
        final SysfsScanReport report = scanReport();

        assertThat(report.skipped()).singleElement().satisfies(skip -> assertThat(skip.reason()).contains(reason));
        assertThat(report.devices().size()).isEqualTo(SmallHost.FUNCTIONS);
    }

    @Test
    void skipsEntryWithGarbledVendorFile() throws IOException {
        Files.writeString(tree.deviceDirectory(SmallHost.GPU).resolve("vendor"), "0xzz\n");

        assertOnlySkipped(scanReport(), SmallHost.GPU, "vendor holds '0xzz'");
    }

    @Test
    void skipsEntryWithEmptyVendorFile() throws IOException {
        Files.writeString(tree.deviceDirectory(SmallHost.GPU).resolve("vendor"), "");

        assertOnlySkipped(scanReport(), SmallHost.GPU, "vendor holds ''");
    }

    @Test
    void skipsEntryWithoutClassFile() throws IOException {
        Files.delete(tree.deviceDirectory(SmallHost.NVME).resolve("class"));

        assertOnlySkipped(scanReport(), SmallHost.NVME, "has no class file");
    }

    @Test
    void skipsEntryWithGarbledNumaNode() throws IOException {
        Files.writeString(tree.deviceDirectory(SmallHost.NVME).resolve("numa_node"), "-7\n");

        assertOnlySkipped(scanReport(), SmallHost.NVME, "numa_node holds '-7'");
    }

    @Test
    void skipsVfWhosePhysfnLinkDangles() throws IOException {
        final Path physfn = tree.deviceDirectory(SmallHost.MELLANOX_VF0).resolve("physfn");
        Files.delete(physfn);
        Files.createSymbolicLink(physfn, Path.of("../0000:01:00.7"));

        assertOnlySkipped(scanReport(), SmallHost.MELLANOX_VF0, "physfn is a dangling link");
    }

    @Test
    void skipsEntryWhoseLinkDangles() throws IOException {
        Files.createSymbolicLink(tree.pciDevicesDirectory().resolve("0000:99:00.0"),
                Path.of("../../../devices/pci0000:80/0000:99:00.0"));

        assertOnlyExtraEntrySkipped("dangling link");
    }

    @Test
    void skipsEntryWhoseNameIsNotAPciAddress() throws IOException {
        Files.createDirectory(tree.pciDevicesDirectory().resolve("not-a-device"));

        assertOnlyExtraEntrySkipped("'not-a-device' is not a PCI address");
    }

    @Test
    void skipsEntryWhoseVendorCannotBeRead() throws IOException {
        final Path vendor = tree.deviceDirectory(SmallHost.SATA).resolve("vendor");
        Files.delete(vendor);
        Files.createDirectory(vendor);

        assertOnlySkipped(scanReport(), SmallHost.SATA, "vendor cannot be read");
    }

    @Test
    void skipsEntryWhoseFilesThePermissionsDoNotLetItRead() throws IOException {
        final Path vendor = tree.deviceDirectory(SmallHost.SATA).resolve("vendor");
        Files.setPosixFilePermissions(vendor, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(vendor), "running as root, who can read any file");

        assertOnlySkipped(scanReport(), SmallHost.SATA, "(Permission denied)");
    }

    @Test
    void skipsSecondEntryWithTheSameAddressInOtherCase() throws IOException {
        final PciAddress drive = PciAddress.parse("0000:0a:00.0");
        tree.add(FakeFunction.plain(drive, PciModel.INTEL_NVME_P4510, 0));
        Files.createSymbolicLink(tree.pciDevicesDirectory().resolve("0000:0A:00.0"), tree.deviceDirectory(drive));

        final SysfsScanReport report = scanReport();

        assertThat(report.skipped()).singleElement()
                .satisfies(skip -> assertThat(skip.reason()).contains("already has the address 0000:0a:00.0"));
        assertThat(report.devices().find(drive)).isPresent();
    }

    @Test
    void logsEachSkippedEntryAsWarningNamingItsPathAndReason() throws IOException {
        Files.writeString(tree.deviceDirectory(SmallHost.GPU).resolve("class"), "garbage\n");
        final Logger logger = (Logger) LoggerFactory.getLogger(SysfsScanner.class);
        final ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            scanReport();
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage())
                    .contains(entryOf(SmallHost.GPU).toString())
                    .contains("class holds 'garbage'");
        });
    }

    @Test
    void failsNamingTheRootWhenItDoesNotExist() {
        final Path missing = root.resolve("no-such-sysfs");

        assertThatThrownBy(() -> new SysfsScanner(missing).scan())
                .isInstanceOf(SysfsUnavailableException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void failsWhenTheRootIsNotASysfsTree() throws IOException {
        final Path notSysfs = Files.createDirectory(root.resolve("empty"));

        assertThatThrownBy(() -> new SysfsScanner(notSysfs).scan())
                .isInstanceOf(SysfsUnavailableException.class)
                .hasMessageContaining("has no directory bus/pci/devices");
    }
}
