package io.pciledger.ledger.domain;

import static io.pciledger.ledger.domain.Devices.pci;
import static io.pciledger.ledger.domain.Requests.claim;
import static io.pciledger.ledger.domain.Requests.claimFor;
import static io.pciledger.ledger.domain.TestHost.events;
import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.domain.CommandOutcome.Granted;
import io.pciledger.ledger.domain.CommandOutcome.Rejected;
import io.pciledger.ledger.domain.LedgerEvent.ClaimRejected;
import io.pciledger.ledger.domain.LedgerEvent.DevicesClaimed;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimDeciderTest {

    private static final Device GPU_0 = pci("0000:af:00.0", "gpu-a100", 0);
    private static final Device GPU_1 = pci("0000:b0:00.0", "gpu-a100", 0);
    private static final Device NVME = pci("0000:5e:00.0", "nvme", 0);

    @Test
    void grantRecordsTheClaimedDevicesAndAnswersWithTheirLedgerSequence() {
        final TestHost host = TestHost.with(GPU_0, GPU_1);
        final ClaimRequest request = claim("c1", RequestItem.devices("gpu-a100", 2));

        final Answer answer = host.claim(request);

        final List<ClaimedDevice> devices = List.of(
                new ClaimedDevice(GPU_0.address(), "gpu-a100", DevType.TYPE_PCI, null, 0, null, 0),
                new ClaimedDevice(GPU_1.address(), "gpu-a100", DevType.TYPE_PCI, null, 0, null, 0));
        assertThat(events(answer.records())).containsExactly(new DevicesClaimed("c1", "acme", "vm-c1",
                request.hash(), devices, false, null));
        assertThat(answer.records().get(0).seq()).as("after the two DeviceAdded").isEqualTo(3);
        assertThat(answer.outcome()).isEqualTo(new Granted(devices, false, 3, null));
    }

    @Test
    void deviceIsHeldByOneClaimAtATime() {
        final TestHost host = TestHost.with(GPU_0);
        host.granted(claim("c1", RequestItem.devices("gpu-a100", 1)));

        final Rejected second = host.rejected(claim("c2", RequestItem.devices("gpu-a100", 1)));

        assertThat(second.reason()).isEqualTo(RejectReason.INSUFFICIENT_DEVICES);
        assertThat(host.device(GPU_0.address()).holder()).isEqualTo("c1");
    }

    @Test
    void claimIsAllOrNothing() {
        final TestHost host = TestHost.with(GPU_0, NVME);

        host.rejected(claim("c1", RequestItem.devices("nvme", 1), RequestItem.devices("gpu-a100", 2)));

        assertThat(host.ledger().devices()).allSatisfy(device ->
                assertThat(device.status()).isEqualTo(DeviceStatus.FREE));
    }

    @Test
    void insufficientDevicesSaysWhatWasAskedAndWhatIsFree() {
        final TestHost host = TestHost.with(GPU_0);

        final Rejected rejected = host.rejected(claim("c1", RequestItem.devices("gpu-a100", 2)));

        assertThat(rejected).isEqualTo(new Rejected(RejectReason.INSUFFICIENT_DEVICES,
                "2 devices of group gpu-a100 requested, 1 free on compute-1"));
    }

    @Test
    void insufficientDevicesNamesTheItemOfAClaimWithSeveral() {
        final TestHost host = TestHost.with(GPU_0, NVME);

        final Rejected rejected = host.rejected(claim("c1", RequestItem.devices("nvme", 1),
                RequestItem.devices("gpu-a100", 1).onNumaNode(1, NumaPolicy.REQUIRED)));

        assertThat(rejected.message())
                .isEqualTo("item 1: 1 device of group gpu-a100 on NUMA node 1 requested, 0 free on compute-1");
    }

    @Test
    void retryWithTheSameRequestAnswersTheSameGrantAndRecordsNothing() {
        final TestHost host = TestHost.with(GPU_0, GPU_1);
        final ClaimRequest request = claim("c1", RequestItem.devices("gpu-a100", 1));
        final Answer first = host.claim(request);

        final Answer retry = host.claim(request);

        assertThat(retry.outcome()).isEqualTo(first.outcome());
        assertThat(retry.records()).isEmpty();
        assertThat(host.ledger().heldBy("c1")).hasSize(1);
    }

    @Test
    void retryAfterTheClaimEndedStillAnswersTheOriginalGrant() {
        final TestHost host = TestHost.with(GPU_0);
        final ClaimRequest request = claim("c1", RequestItem.devices("gpu-a100", 1));
        final Answer first = host.claim(request);
        host.release("c1");

        final Answer retry = host.claim(request);

        assertThat(retry.outcome()).isEqualTo(first.outcome());
        assertThat(retry.records()).isEmpty();
        assertThat(host.device(GPU_0.address()).status()).isEqualTo(DeviceStatus.FREE);
    }

    @Test
    void retryOfARejectedClaimAnswersTheSameRejectionEvenWhenDevicesFreedSince() {
        final TestHost host = TestHost.with(GPU_0);
        host.granted(claim("c1", RequestItem.devices("gpu-a100", 1)));
        final ClaimRequest request = claim("c2", RequestItem.devices("gpu-a100", 1));
        final Rejected first = host.rejected(request);
        host.release("c1");

        final Answer retry = host.claim(request);

        assertThat(retry.outcome()).isEqualTo(first);
        assertThat(retry.records()).isEmpty();
    }

    @Test
    void sameClaimIdWithAnotherRequestIsAConflictAndRecordsNothing() {
        final TestHost host = TestHost.with(GPU_0, GPU_1);
        host.granted(claim("c1", RequestItem.devices("gpu-a100", 1)));

        final Answer other = host.claim(claim("c1", RequestItem.devices("gpu-a100", 2)));

        assertThat(other.outcome()).isEqualTo(new Rejected(RejectReason.CLAIM_ID_CONFLICT,
                "claim id c1 was already used on compute-1 for another request; choose a new claim id"));
        assertThat(other.records()).isEmpty();
    }

    @Test
    void rejectionIsRecordedWithTheRequestHash() {
        final TestHost host = TestHost.with(GPU_0);
        final ClaimRequest request = claim("c1", RequestItem.devices("nvme", 1));

        final Answer answer = host.claim(request);

        assertThat(events(answer.records())).containsExactly(new ClaimRejected("c1", "acme", "vm-c1",
                request.hash(), RejectReason.UNKNOWN_GROUP, "host compute-1 has never had a device of group nvme"));
    }

    @Test
    void groupTheHostNeverHadIsUnknown() {
        final TestHost host = TestHost.with(GPU_0);

        assertThat(host.rejected(claim("c1", RequestItem.devices("nvme", 1))).reason())
                .isEqualTo(RejectReason.UNKNOWN_GROUP);
    }

    @Test
    void groupWhoseDevicesAllLeftIsStillKnownButInsufficient() {
        final TestHost host = TestHost.with(GPU_0);
        host.vanish(GPU_0.address());

        assertThat(host.rejected(claim("c1", RequestItem.devices("gpu-a100", 1))).reason())
                .isEqualTo(RejectReason.INSUFFICIENT_DEVICES);
    }

    @Test
    void hostWithoutHistoryIsUnknownAndNothingIsRecorded() {
        final TestHost host = new TestHost();

        final Answer answer = host.claim(claim("c1", RequestItem.devices("gpu-a100", 1)));

        assertThat(((Rejected) answer.outcome()).reason()).isEqualTo(RejectReason.UNKNOWN_HOST);
        assertThat(answer.records()).isEmpty();
        assertThat(host.ledger().hasHistory()).isFalse();
    }

    @Test
    void invalidRequestIsRejectedWithEveryProblem() {
        final TestHost host = TestHost.with(GPU_0);
        final ClaimRequest request = claim("c1", RequestItem.devices("gpu-a100", 0),
                new RequestItem(null, 1, VnicType.DIRECT, null, null));

        final Rejected rejected = host.rejected(request);

        assertThat(rejected).isEqualTo(new Rejected(RejectReason.INVALID_REQUEST,
                "item 0: count 0 is below 1; item 1: a direct port needs a group"));
    }

    @Test
    void requestWithoutClaimIdIsInvalidAndNotRecorded() {
        final TestHost host = TestHost.with(GPU_0);

        final Answer answer = host.claim(claim(" ", RequestItem.devices("gpu-a100", 1)));

        assertThat(answer.outcome()).isEqualTo(new Rejected(RejectReason.INVALID_REQUEST, "claim_id is empty"));
        assertThat(answer.records()).isEmpty();
    }

    @Test
    void claimIdNoPathCanCarryIsInvalidAndAllocatesNothing() {
        final TestHost host = TestHost.with(GPU_0);
        final ClaimRequest request = claim("vm-42/boot", RequestItem.devices("gpu-a100", 1));

        final Rejected rejected = host.rejected(request);

        assertThat(rejected.reason()).isEqualTo(RejectReason.INVALID_REQUEST);
        assertThat(rejected.message()).startsWith("claim_id 'vm-42/boot' may hold only ASCII letters");
        assertThat(host.device(GPU_0.address()).status()).isEqualTo(DeviceStatus.FREE);
        assertThat(host.claim(request).outcome()).as("a retry").isEqualTo(rejected);
    }

    @Test
    void claimGrantedUnderAnIdFromBeforeTheRuleIsStillAnsweredOnRetry() {
        final TestHost host = TestHost.with(GPU_0);
        final ClaimRequest request = claim("vm-42/boot", RequestItem.devices("gpu-a100", 1));
        final ClaimedDevice gpu = new ClaimedDevice(GPU_0.address(), "gpu-a100", DevType.TYPE_PCI, null, 0, null, 0);
        host.ledger().append(Decision.of(new DevicesClaimed(request.claimId(), request.tenant(), request.instance(),
                request.hash(), List.of(gpu), false, null)), new Cause("old-command", "acme", host.now()));

        final Answer retry = host.claim(request);

        assertThat(retry.outcome()).isEqualTo(new Granted(List.of(gpu), false, 2, null));
        assertThat(retry.records()).isEmpty();
    }

    @Test
    void claimWithTimeToLiveExpiresThatLongAfterTheDecision() {
        final TestHost host = TestHost.with(GPU_0);

        final Granted granted = host.granted(claim("c1", RequestItem.devices("gpu-a100", 1))
                .withTtl(Duration.ofMinutes(5)));

        assertThat(granted.expiresAt()).isEqualTo(TestHost.START.plus(Duration.ofMinutes(5)));
    }

    @Test
    void privateGroupIsClaimableByItsOwner() {
        final TestHost host = TestHost.with(GPU_0)
                .groups(GroupDirectory.empty().with(GroupRegistration.privateGroup("gpu-a100", "acme")));

        final Answer answer = host.handle(claimFor("acme", "c1", RequestItem.devices("gpu-a100", 1)),
                Requester.tenant("acme"));

        assertThat(answer.outcome()).isInstanceOf(Granted.class);
    }

    @Test
    void privateGroupIsNotClaimableByAnotherTenant() {
        final TestHost host = TestHost.with(GPU_0)
                .groups(GroupDirectory.empty().with(GroupRegistration.privateGroup("gpu-a100", "acme")));

        final Answer answer = host.handle(claimFor("globex", "c1", RequestItem.devices("gpu-a100", 1)),
                Requester.tenant("globex"));

        assertThat(answer.outcome()).isEqualTo(new Rejected(RejectReason.NOT_AUTHORIZED,
                "tenant globex may not claim group gpu-a100: private to another tenant"));
    }

    @Test
    void adminMayClaimAPrivateGroupForAnyTenant() {
        final TestHost host = TestHost.with(GPU_0)
                .groups(GroupDirectory.empty().with(GroupRegistration.privateGroup("gpu-a100", "acme")));

        final Answer answer = host.handle(claimFor("globex", "c1", RequestItem.devices("gpu-a100", 1)),
                Requester.admin("ops"));

        assertThat(answer.outcome()).isInstanceOf(Granted.class);
    }

    @Test
    void unregisteredGroupIsPublic() {
        final TestHost host = TestHost.with(GPU_0);

        final Answer answer = host.handle(claimFor("globex", "c1", RequestItem.devices("gpu-a100", 1)),
                Requester.tenant("globex"));

        assertThat(answer.outcome()).isInstanceOf(Granted.class);
    }

    @Test
    void groupOfUnreadableVisibilityIsPrivate() {
        final TestHost host = TestHost.with(GPU_0).groups(GroupDirectory.empty()
                .with(new GroupRegistration("gpu-a100", "acme", Visibility.UNKNOWN)));

        final Answer answer = host.handle(claimFor("globex", "c1", RequestItem.devices("gpu-a100", 1)),
                Requester.tenant("globex"));

        assertThat(((Rejected) answer.outcome()).reason()).isEqualTo(RejectReason.NOT_AUTHORIZED);
    }

    @Test
    void tenantMayNotClaimForAnotherTenant() {
        final TestHost host = TestHost.with(GPU_0);

        final Answer answer = host.handle(claimFor("acme", "c1", RequestItem.devices("gpu-a100", 1)),
                Requester.tenant("globex"));

        assertThat(answer.outcome()).isEqualTo(new Rejected(RejectReason.NOT_AUTHORIZED,
                "tenant globex may not claim devices for tenant acme"));
    }

    @Test
    void readerMayNotClaim() {
        final TestHost host = TestHost.with(GPU_0);

        final Answer answer = host.handle(claim("c1", RequestItem.devices("gpu-a100", 1)),
                new Requester("auditor", ActorRole.READER));

        assertThat(((Rejected) answer.outcome()).reason()).isEqualTo(RejectReason.NOT_AUTHORIZED);
    }
}
