package io.pciledger.agent.sysfs;

import io.pciledger.agent.device.HostDevices;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Each test starts with the {@link SmallHost} written as a fresh sysfs tree under {@link #root}. */
abstract class SmallHostTreeTest {

    @TempDir
    Path root;

    FakeSysfsTree tree;

    @BeforeEach
    void writeSmallHost() {
        tree = FakeSysfsTree.write(root, SmallHost.hardware());
    }

    /** What a scan of the tree finds now. */
    HostDevices scan() {
        return scanReport().devices();
    }

    /** What a scan of the tree finds now, and what it skipped. */
    SysfsScanReport scanReport() {
        return new SysfsScanner(root).scanReport();
    }
}
