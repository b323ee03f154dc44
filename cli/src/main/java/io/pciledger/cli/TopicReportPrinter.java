package io.pciledger.cli;

import io.pciledger.schemas.topic.ProvisioningReport;
import java.io.PrintWriter;

/** Prints what topic provisioning did, for a person at a terminal. */
final class TopicReportPrinter {

    private TopicReportPrinter() {
    }

    static void print(final ProvisioningReport report, final PrintWriter out) {
        out.printf("topics (%d partitions each):%n", report.partitions());
        report.created().forEach(name -> out.printf("  created  %s%n", name));
        report.existing().forEach(name -> out.printf("  exists   %s%n", name));
        printWarnings(report, out);
    }

    /** Only what provisioning accepted but the operator should know, for commands that do not list topics. */
    static void printWarnings(final ProvisioningReport report, final PrintWriter out) {
        report.warnings().forEach(warning -> out.printf("  warning: %s%n", warning));
        out.flush();
    }
}
