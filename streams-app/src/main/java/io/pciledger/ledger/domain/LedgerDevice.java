package io.pciledger.ledger.domain;

import java.util.Objects;

/**
 * A device as a host's ledger knows it: what the agent last reported, whether it is free, claimed or lost,
 * and which claim holds it.
 *
 * @param device  the attributes last reported
 * @param status  free, claimed or lost
 * @param holder  the claim id holding it, or null when free (and for a lost device whose claim just ended)
 */
public record LedgerDevice(Device device, DeviceStatus status, String holder) {

    public LedgerDevice {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(status, "status");
    }

    static LedgerDevice free(final Device device) {
        return new LedgerDevice(device, DeviceStatus.FREE, null);
    }

    public String address() {
        return device.address();
    }

    public String group() {
        return device.group();
    }

    /** Whether a claim keeps this device from anyone else (claimed, or lost and not yet given up). */
    public boolean isHeld() {
        return status != DeviceStatus.FREE;
    }

    LedgerDevice withDevice(final Device newDevice) {
        return new LedgerDevice(newDevice, status, holder);
    }

    LedgerDevice withStatus(final DeviceStatus newStatus, final String newHolder) {
        return new LedgerDevice(device, newStatus, newHolder);
    }
}
