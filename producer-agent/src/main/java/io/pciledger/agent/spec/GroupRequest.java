package io.pciledger.agent.spec;

/**
 * A request for {@code count} devices of the PCI group {@code group}: what a claim asks for, and what
 * a Nova flavor's {@code pci_passthrough:alias = QuickAssist:2} becomes ({@code GroupRequest("QuickAssist", 2)}).
 *
 * @param group a valid {@link GroupName}
 * @param count how many devices, zero or more (Nova accepts 0)
 */
public record GroupRequest(String group, int count) {

    public GroupRequest {
        if (!GroupName.isValid(group)) {
            throw new IllegalArgumentException("'" + group + "' is not a PCI group name; expected " + GroupName.rule());
        }
        if (count < 0) {
            throw new IllegalArgumentException("count " + count + " of group " + group + " is negative");
        }
    }
}
