package io.pciledger.ledger.domain;

import static io.pciledger.ledger.domain.Requests.claim;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestValidatorTest {

    @Test
    void wellFormedRequestHasNoProblem() {
        assertThat(RequestValidator.problems(claim("c1", RequestItem.devices("gpu", 1), RequestItem.normalPort())))
                .isEmpty();
    }

    @Test
    void requestWithoutItemsIsInvalid() {
        assertThat(RequestValidator.problems(claim("c1")))
                .contains("the request has no items: ask for at least one device or port");
    }

    @Test
    void requestMustNameTenantAndInstance() {
        assertThat(RequestValidator.problems(new ClaimRequest("c1", "", null,
                List.of(RequestItem.devices("gpu", 1)), false, null)))
                .contains("tenant is empty; instance is empty");
    }

    @Test
    void unknownVnicTypeIsInvalid() {
        assertThat(RequestValidator.problems(claim("c1", RequestItem.port(VnicType.UNKNOWN, "net"))))
                .contains("item 0: vnic type not recognised; expected one of normal, direct, macvtap, "
                        + "direct-physical, virtio-forwarder, vdpa, remote-managed");
    }

    @Test
    void genericItemNeedsAGroup() {
        assertThat(RequestValidator.problems(claim("c1", RequestItem.devices(null, 1))))
                .contains("item 0: a device item needs a group");
    }

    @Test
    void negativeNumaNodeAndUnknownPolicyAreInvalid() {
        assertThat(RequestValidator.problems(claim("c1", new RequestItem("gpu", 1, null, -1, NumaPolicy.UNKNOWN))))
                .contains("item 0: NUMA node -1 is negative; item 0: NUMA policy not recognised; expected one of "
                        + "required, preferred, legacy, socket");
    }

    @Test
    void timeToLiveMustBePositive() {
        assertThat(RequestValidator.problems(claim("c1", RequestItem.devices("gpu", 1)).withTtl(Duration.ZERO)))
                .contains("ttl 0 ms is not positive");
    }

    @Test
    void claimIdAPathCannotCarryIsInvalidAndTheMessageSaysWhy() {
        assertThat(RequestValidator.problems(claim("vm-42/boot", RequestItem.devices("gpu", 1))))
                .contains("claim_id 'vm-42/boot' may hold only ASCII letters, digits and - . _ ~ : @ (not only dots), "
                        + "at most 255 characters, since it names the claim in the API's paths");
    }

    @Test
    void claimIdOfDotsOnlyIsInvalid() {
        assertThat(RequestValidator.problems(claim("..", RequestItem.devices("gpu", 1)))).isPresent();
    }

    @Test
    void tooLongClaimIdIsInvalidAndOnlyItsStartRepeated() {
        assertThat(RequestValidator.problems(claim("x".repeat(256), RequestItem.devices("gpu", 1))))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("claim_id '" + "x".repeat(64) + "...'"));
    }

    @Test
    void claimIdOfEveryAllowedCharacterIsValid() {
        assertThat(RequestValidator.problems(claim("vm-42:boot@2026-11-24_1.~", RequestItem.devices("gpu", 1))))
                .isEmpty();
    }
}
