package io.pciledger.schemas.topic;

/** How long a topic keeps its records. */
public enum Retention {
    /** Deleted after the configured retention time: inputs, results, dead letters. */
    TIME_LIMITED,
    /** Never deleted: the audit log and the history of group ownership. */
    FOREVER,
    /** Log-compacted: the latest record per key, for derived tables. */
    COMPACTED
}
