package io.pciledger.cli;

import io.pciledger.schemas.topic.ProvisioningReport;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.TopicProvisioner;
import io.pciledger.schemas.topic.TopicSettings;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/** Every command makes sure the topics exist and fit before it starts: the one place that does it. */
final class TopicSetup {

    private TopicSetup() {
    }

    static ProvisioningReport ensure(final Map<String, Object> clientProperties, final TopicNames names,
                                     final TopicSettings settings) {
        try (Admin admin = Admin.create(clientProperties)) {
            return new TopicProvisioner(admin, names, settings).ensureTopics();
        }
    }

    static ProvisioningReport ensure(final Map<String, Object> clientProperties, final TopicOptions topics) {
        return ensure(clientProperties, topics.names(), topics.settings());
    }
}
