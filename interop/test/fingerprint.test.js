'use strict';

const test = require('node:test');
const assert = require('node:assert');
const path = require('path');
const { crc64Avro } = require('../src/fingerprint');
const { loadSchemaHistory } = require('../src/schemaHistory');

const HISTORY = path.join(__dirname, '..', '..', 'schemas', 'src', 'main', 'resources', 'schema-history');

test('the fingerprint of the schema "null" is the one Java and the Avro specification give', () => {
  assert.strictEqual(crc64Avro(Buffer.from('"null"', 'utf8')), 7195948357588979594n);
});

test('released schemas have the fingerprints Java computes for them', () => {
  // Printed by Java's SchemaNormalization.parsingFingerprint64 for the released files: released files never
  // change, so neither do these.
  const byName = new Map();
  for (const [fingerprint, { fullName, version }] of loadSchemaHistory(HISTORY)) {
    byName.set(`${fullName} v${version}`, fingerprint);
  }
  assert.strictEqual(byName.get('io.pciledger.schemas.ledger.LedgerEvent v1'), 'a23b59c54165be78');
  assert.strictEqual(byName.get('io.pciledger.schemas.result.ClaimResult v1'), '9aab8bedd9852ddd');
  assert.strictEqual(byName.get('io.pciledger.schemas.inventory.InventoryFact v1'), '37362984a9f6b5da');
  assert.strictEqual(byName.get('io.pciledger.schemas.inventory.InventoryFact v2'), '9cf54b1c3aa274ff');
  assert.strictEqual(byName.get('io.pciledger.schemas.command.Command v1'), 'ab10c0d453522113');
});
