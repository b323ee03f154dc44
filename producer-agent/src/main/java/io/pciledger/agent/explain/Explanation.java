package io.pciledger.agent.explain;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The answer of explain for one document: the result document, and whether it is a successful answer
 * (a valid spec matched against the host) or an error (an invalid spec, or a malformed document).
 *
 * @param document the result document
 * @param valid    {@code true} when {@code document} holds matches and groups
 */
public record Explanation(ObjectNode document, boolean valid) {

    /** The exit code of the explain command for this answer: 0 when valid, 2 otherwise. */
    public int exitCode() {
        return valid ? 0 : ExplainCommand.EXIT_INVALID;
    }
}
