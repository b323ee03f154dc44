package io.pciledger.ledger.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What is malformed in a claim request, whatever the host: such a request is refused with
 * {@code INVALID_REQUEST} and a message listing every problem, each naming the item and the value.
 *
 * <p>A request must name a claim id ({@link ClaimId}: one a path can carry), a tenant and an instance, and have at
 * least one item. Each item needs a count of at least 1, a group unless it is a {@code normal} port, a recognised
 * vnic type and NUMA policy, and a NUMA node that is not negative. A time-to-live, if given, must be positive. A
 * {@code normal} port's group is ignored, and so is a NUMA policy without a node.
 */
public final class RequestValidator {

    /** How much of a malformed value a message repeats. */
    private static final int MAX_ECHOED = 64;

    private RequestValidator() {
    }

    /** Every problem of {@code request}, joined in one message; empty when it is well-formed. */
    public static Optional<String> problems(final ClaimRequest request) {
        final List<String> problems = new ArrayList<>();
        requireText(problems, "claim_id", request.claimId());
        if (!isBlank(request.claimId()) && !ClaimId.isWellFormed(request.claimId())) {
            problems.add("claim_id " + quoted(request.claimId()) + " may hold " + ClaimId.RULE
                    + ", since it names the claim in the API's paths");
        }
        requireText(problems, "tenant", request.tenant());
        requireText(problems, "instance", request.instance());
        if (request.items().isEmpty()) {
            problems.add("the request has no items: ask for at least one device or port");
        }
        for (int index = 0; index < request.items().size(); index++) {
            itemProblems(problems, "item " + index + ": ", request.items().get(index));
        }
        if (request.ttl() != null && (request.ttl().isZero() || request.ttl().isNegative())) {
            problems.add("ttl " + request.ttl().toMillis() + " ms is not positive");
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    private static void itemProblems(final List<String> problems, final String item, final RequestItem request) {
        if (request.vnicType() == VnicType.UNKNOWN) {
            problems.add(item + "vnic type not recognised; expected one of " + known(VnicType.values()));
        }
        if (request.count() < 1) {
            problems.add(item + "count " + request.count() + " is below 1");
        }
        if (request.takesDevices() && request.vnicType() != VnicType.UNKNOWN && isBlank(request.group())) {
            problems.add(item + (request.isPort() ? "a " + request.vnicType().neutronName() + " port" : "a device item")
                    + " needs a group");
        }
        if (request.numaNode() != null && request.numaNode() < 0) {
            problems.add(item + "NUMA node " + request.numaNode() + " is negative");
        }
        if (request.numaPolicy() == NumaPolicy.UNKNOWN) {
            problems.add(item + "NUMA policy not recognised; expected one of " + known(NumaPolicy.values()));
        }
    }

    private static void requireText(final List<String> problems, final String field, final String value) {
        if (isBlank(value)) {
            problems.add(field + " is empty");
        }
    }

    private static String quoted(final String value) {
        return "'" + (value.length() > MAX_ECHOED ? value.substring(0, MAX_ECHOED) + "...'" : value + "'");
    }

    private static boolean isBlank(final String value) {
        return value == null || value.isBlank();
    }

    private static String known(final Enum<?>[] values) {
        return Arrays.stream(values)
                .filter(value -> !value.name().equals("UNKNOWN"))
                .map(value -> value instanceof VnicType vnic ? vnic.neutronName() : ((NumaPolicy) value).novaName())
                .collect(Collectors.joining(", "));
    }
}
