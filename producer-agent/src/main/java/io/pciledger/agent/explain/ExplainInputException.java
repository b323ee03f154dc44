package io.pciledger.agent.explain;

/**
 * An explain document is malformed: not JSON, a device without a valid address, an unknown
 * {@code dev_type}, a VF without its parent. Unlike a wrong device spec, which explain reports as its
 * answer, this means the question itself could not be read. The message names the place in the
 * document, e.g. {@code devices[2].dev_type: 'type-vf' is not a device type; expected one of ...}.
 */
public final class ExplainInputException extends RuntimeException {

    public ExplainInputException(final String message) {
        super(message);
    }
}
