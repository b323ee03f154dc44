package io.pciledger.cli;

import io.pciledger.schemas.topic.ProvisioningReport;
import io.pciledger.schemas.topic.TopicProvisioner;
import java.io.PrintWriter;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/** Every component makes sure the topics exist and fit before it starts. */
final class TopicSetup {

    private TopicSetup() {
    }

    static ProvisioningReport ensure(final Map<String, Object> clientProperties, final TopicOptions topics,
                                     final PrintWriter out) {
        try (Admin admin = Admin.create(clientProperties)) {
            final ProvisioningReport report =
                    new TopicProvisioner(admin, topics.names(), topics.settings()).ensureTopics();
            report.warnings().forEach(warning -> out.println("warning: " + warning));
            return report;
        }
    }
}
