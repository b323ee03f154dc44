package io.pciledger.schemas.kafka;

/**
 * A record a consumer could not decode and stepped over: where it is, and why.
 *
 * @param topic     the topic it was read from
 * @param partition its partition
 * @param offset    its offset
 * @param reason    what is wrong with it, e.g. an unknown schema fingerprint
 * @param key       the raw key bytes, or {@code null}
 * @param value     the raw value bytes, or {@code null}
 */
public record UndecodableRecord(String topic, int partition, long offset, String reason, byte[] key, byte[] value) {

    /** One line for a log: where the record is and why it was skipped. */
    public String describe() {
        return "skipped undecodable record at " + topic + "-" + partition + "@" + offset + ": " + reason;
    }
}
