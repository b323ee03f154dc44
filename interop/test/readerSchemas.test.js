'use strict';

const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { loadReaderSchemas } = require('../src/readerSchemas');

const SOURCES = path.join(__dirname, '..', '..', 'schemas', 'src', 'main', 'avro');

function tempFolder() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'reader-schemas-'));
}

test('every envelope of the sources resolves the shared types it names', () => {
  const types = loadReaderSchemas(SOURCES);
  const ledgerEvent = types.get('io.pciledger.schemas.ledger.LedgerEvent');
  const claimed = ledgerEvent.field('payload').type.types
    .find((branch) => branch.name === 'io.pciledger.schemas.ledger.DevicesClaimed');
  assert.strictEqual(claimed.field('devices').type.itemsType.name, 'io.pciledger.schemas.common.ClaimedDevice');
  assert.ok(types.has('io.pciledger.schemas.command.Command'));
  assert.ok(types.has('io.pciledger.schemas.result.ClaimResult'));
});

test('files resolve whatever order they are listed in', () => {
  // Envelopes sort before the shared files here, and ClaimedDevice (which names DevType) before DevType.
  const folder = tempFolder();
  const copy = (from, to) => fs.copyFileSync(path.join(SOURCES, from), path.join(folder, to));
  copy('topics/ClaimResult.avsc', 'a-ClaimResult.avsc');
  copy('common/ClaimedDevice.avsc', 'b-ClaimedDevice.avsc');
  copy('common/VnicType.avsc', 'c-VnicType.avsc');
  copy('common/RejectReason.avsc', 'd-RejectReason.avsc');
  copy('common/DevType.avsc', 'e-DevType.avsc');
  assert.ok(loadReaderSchemas(folder).has('io.pciledger.schemas.result.ClaimResult'));
});

test('a type named but defined nowhere is reported with its file', () => {
  const folder = tempFolder();
  fs.copyFileSync(path.join(SOURCES, 'common/ClaimedDevice.avsc'), path.join(folder, 'ClaimedDevice.avsc'));
  assert.throws(() => loadReaderSchemas(folder), /cannot resolve the named types of .*ClaimedDevice\.avsc \(undefined type name: .*DevType\)/);
});
