/**
 * {@code pci-ledger explain}: what the device spec makes of a list of devices, and why, without the
 * host or Kafka. {@link io.pciledger.agent.explain.Explainer} is the plain-Java answer (JSON document
 * in, JSON document out); {@link io.pciledger.agent.explain.ExplainCommand} is the picocli command.
 */
package io.pciledger.agent.explain;
