package io.pciledger.ledger.domain;

import static io.pciledger.ledger.domain.Requests.claim;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestHashTest {

    private static final ClaimRequest REQUEST = claim("c1", RequestItem.devices("gpu", 1),
            RequestItem.port(VnicType.DIRECT, "net"));

    @Test
    void sameRequestHashesTheSame() {
        assertThat(claim("c1", RequestItem.devices("gpu", 1), RequestItem.port(VnicType.DIRECT, "net")).hash())
                .isEqualTo(REQUEST.hash())
                .matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void claimIdIsNotPartOfTheRequest() {
        final ClaimRequest sameUnderAnotherId = new ClaimRequest("c2", REQUEST.tenant(), REQUEST.instance(),
                REQUEST.items(), false, null);

        assertThat(sameUnderAnotherId.hash()).isEqualTo(REQUEST.hash());
    }

    @Test
    void itemOrderMatters() {
        assertThat(claim("c1", RequestItem.port(VnicType.DIRECT, "net"), RequestItem.devices("gpu", 1)).hash())
                .isNotEqualTo(REQUEST.hash());
    }

    @Test
    void everyFieldOfTheRequestCounts() {
        assertThat(List.of(
                claim("c1", RequestItem.devices("gpu", 2), RequestItem.port(VnicType.DIRECT, "net")),
                claim("c1", RequestItem.devices("gpu", 1), RequestItem.port(VnicType.MACVTAP, "net")),
                claim("c1", RequestItem.devices("gpu", 1).onNumaNode(0, NumaPolicy.REQUIRED),
                        RequestItem.port(VnicType.DIRECT, "net")),
                REQUEST.withTtl(Duration.ofMinutes(1)),
                REQUEST.allowingNonMigratable(true),
                Requests.claimFor("globex", "c1", RequestItem.devices("gpu", 1),
                        RequestItem.port(VnicType.DIRECT, "net"))))
                .extracting(ClaimRequest::hash)
                .doesNotContain(REQUEST.hash())
                .doesNotHaveDuplicates();
    }

    @Test
    void nodeWithoutPolicyHashesAsLegacy() {
        assertThat(claim("c1", new RequestItem("gpu", 1, null, 0, null)).hash())
                .isEqualTo(claim("c1", RequestItem.devices("gpu", 1).onNumaNode(0, NumaPolicy.LEGACY)).hash());
    }

    @Test
    void policyWithoutNodeAndNormalPortGroupAreIgnored() {
        assertThat(claim("c1", new RequestItem("gpu", 1, null, null, NumaPolicy.REQUIRED),
                new RequestItem("net", 1, VnicType.NORMAL, null, null)).hash())
                .isEqualTo(claim("c1", RequestItem.devices("gpu", 1), RequestItem.normalPort()).hash());
    }

    @Test
    void valuesCannotBleedIntoEachOther() {
        final ClaimRequest split = new ClaimRequest("c1", "ac", "me\ninstance=2:vm", List.of(), false, null);
        final ClaimRequest joined = new ClaimRequest("c1", "ac\ninstance=2:me", "vm", List.of(), false, null);

        assertThat(split.hash()).isNotEqualTo(joined.hash());
    }
}
