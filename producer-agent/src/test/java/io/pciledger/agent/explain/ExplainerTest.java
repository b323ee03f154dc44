package io.pciledger.agent.explain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pciledger.agent.device.HostDevices;
import io.pciledger.agent.spec.DeviceSpecList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEVICES = "\"devices\": ["
            + "{\"address\": \"0000:0a:00.0\", \"vendor_id\": \"8086\", \"product_id\": \"1572\", \"dev_type\": \"type-PF\","
            + " \"class_code\": \"020000\"},"
            + "{\"address\": \"0000:0a:02.0\", \"vendor_id\": \"8086\", \"product_id\": \"154C\", \"dev_type\": \"type-VF\","
            + " \"parent_addr\": \"0000:0a:00.0\", \"class_code\": \"020000\", \"numa_node\": 1},"
            + "{\"address\": \"0000:3b:00.0\", \"vendor_id\": \"10de\", \"product_id\": \"20b0\", \"class_code\": \"030000\"}]";

    private final Explainer explainer = new Explainer();

    private Explanation explain(final String document) throws Exception {
        return explainer.explain(JSON.readTree(document));
    }

    private static Explanation withSpec(final Explainer explainer, final String spec) throws Exception {
        return explainer.explain(JSON.readTree("{\"device_spec\": " + spec + ", " + DEVICES + "}"));
    }

    private static JsonNode deviceAt(final Explanation explanation, final int index) {
        return explanation.document().get("matches").get(index);
    }

    @Test
    void validSpecGivesEachDeviceItsEntryGroupAndTags() throws Exception {
        final Explanation explanation = withSpec(explainer,
                "[{\"address\": \"0000:0a:00.0\", \"name\": \"physnet1\", \"physical_network\": \"physnet1\"}]");

        assertThat(explanation.valid()).isTrue();
        assertThat(explanation.exitCode()).isZero();
        assertThat(deviceAt(explanation, 1)).isEqualTo(JSON.readTree("{\"address\": \"0000:0a:02.0\", \"spec_index\": 0,"
                + " \"group\": \"physnet1\", \"tags\": {\"physical_network\": \"physnet1\"}, \"not_matched_by\": []}"));
    }

    @Test
    void unmatchedDeviceHasNoEntryNoGroupAndEveryReason() throws Exception {
        final Explanation explanation = withSpec(explainer, "[{\"vendor_id\": \"8086\"}, {\"address\": \"*:0a:*.*\"}]");

        assertThat(deviceAt(explanation, 2)).isEqualTo(JSON.readTree("{\"address\": \"0000:3b:00.0\","
                + " \"spec_index\": null, \"group\": null, \"tags\": {}, \"not_matched_by\": ["
                + "{\"spec_index\": 0, \"reason\": \"vendor_id 10de is not 8086\"},"
                + "{\"spec_index\": 1, \"reason\": \"address 0000:3b:00.0 is not covered by *:0a:*.*\"}]}"));
    }

    @Test
    void deviceMatchedByALaterEntrySaysWhyEarlierOnesDidNot() throws Exception {
        final Explanation explanation = withSpec(explainer, "[{\"vendor_id\": \"10de\"}, {}]");

        assertThat(deviceAt(explanation, 0).get("spec_index").asInt()).isEqualTo(1);
        assertThat(deviceAt(explanation, 0).get("not_matched_by").get(0).get("reason").asText())
                .isEqualTo("vendor_id 8086 is not 10de");
    }

    @Test
    void groupsCountAssignableDevicesIncludingDefaultGroups() throws Exception {
        final Explanation explanation = withSpec(explainer, "{}");

        assertThat(explanation.document().get("groups"))
                .isEqualTo(JSON.readTree("{\"default-gpu\": 1, \"default-network\": 2}"));
    }

    @Test
    void deviceWithoutClassCodeGoesToDefaultOther() throws Exception {
        final Explanation explanation = explain("{\"device_spec\": {}, \"devices\": [{\"address\": \"0000:01:00.0\","
                + " \"vendor_id\": \"1af4\", \"product_id\": \"1000\"}]}");

        assertThat(deviceAt(explanation, 0).get("group").asText()).isEqualTo("default-other");
    }

    @Test
    void devnameResolvesThroughNetdevs() throws Exception {
        final Explanation explanation = explain("{\"device_spec\": {\"devname\": \"ens1f0\", \"name\": \"pf\"}, "
                + DEVICES + ", \"netdevs\": {\"ens1f0\": \"0000:0a:00.0\"}}");

        assertThat(explanation.document().get("groups")).isEqualTo(JSON.readTree("{\"pf\": 2}"));
    }

    @Test
    void specGivenAsANovaConfStringIsReadAsNovaDoes() throws Exception {
        final Explanation explanation = withSpec(explainer, "\"[{\\\"vendor_id\\\": \\\"10de\\\"}]\"");

        assertThat(explanation.document().get("groups")).isEqualTo(JSON.readTree("{\"default-gpu\": 1}"));
    }

    @Test
    void invalidSpecGivesItsKindMessageAndEntry() throws Exception {
        final Explanation explanation = withSpec(explainer, "[{}, {\"address\": \"0000:0a:00.8\"}]");

        assertThat(explanation.valid()).isFalse();
        assertThat(explanation.exitCode()).isEqualTo(2);
        assertThat(explanation.document().get("error").asText()).isEqualTo("value_out_of_range");
        assertThat(explanation.document().get("spec_index").asInt()).isEqualTo(1);
        assertThat(explanation.document().get("message").asText()).contains("property func (8)");
        assertThat(explanation.document().has("matches")).isFalse();
    }

    @Test
    void invalidJsonInANovaConfStringIsInvalidJson() throws Exception {
        final Explanation explanation = withSpec(explainer, "\"{vendor_id: 8086}\"");

        assertThat(explanation.document().get("error").asText()).isEqualTo("invalid_json");
        assertThat(explanation.document().has("spec_index")).isFalse();
    }

    @Test
    void malformedDeviceAddressIsInvalidInputNamingTheDevice() throws Exception {
        final Explanation explanation = explain("{\"device_spec\": {}, \"devices\": [{\"address\": \"0a:00.0\","
                + " \"vendor_id\": \"8086\", \"product_id\": \"1572\"}]}");

        assertThat(explanation.exitCode()).isEqualTo(2);
        assertThat(explanation.document().get("error").asText()).isEqualTo("invalid_input");
        assertThat(explanation.document().get("message").asText()).startsWith("devices[0].address:");
    }

    @Test
    void unknownDevTypeIsInvalidInput() throws Exception {
        final Explanation explanation = explain("{\"device_spec\": {}, \"devices\": [{\"address\": \"0000:0a:00.0\","
                + " \"vendor_id\": \"8086\", \"product_id\": \"1572\", \"dev_type\": \"type-vf\"}]}");

        assertThat(explanation.document().get("message").asText())
                .startsWith("devices[0].dev_type:").contains("'type-vf'");
    }

    @Test
    void vfWithoutParentIsInvalidInput() throws Exception {
        final Explanation explanation = explain("{\"device_spec\": {}, \"devices\": [{\"address\": \"0000:0a:02.0\","
                + " \"vendor_id\": \"8086\", \"product_id\": \"154c\", \"dev_type\": \"type-VF\"}]}");

        assertThat(explanation.document().get("error").asText()).isEqualTo("invalid_input");
    }

    @Test
    void documentWithoutDeviceSpecIsInvalidInput() throws Exception {
        assertThat(explain("{" + DEVICES + "}").document().get("message").asText()).contains("no \"device_spec\"");
    }

    @Test
    void hostFoundElsewhereIsExplainedTheSameWay() {
        final HostDevices host = HostDevices.of(List.of());

        assertThat(explainer.explain(() -> DeviceSpecList.parse("{}"), host).valid()).isTrue();
    }
}
