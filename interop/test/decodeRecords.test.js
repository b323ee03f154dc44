'use strict';

const test = require('node:test');
const assert = require('node:assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const avro = require('avsc');
const { fingerprintOf } = require('../src/fingerprint');

const SCRIPT = path.join(__dirname, '..', 'decode-records.js');
const SCHEMAS = path.join(__dirname, '..', '..', 'schemas', 'src', 'main');
const HISTORY = path.join(SCHEMAS, 'resources', 'schema-history');
const SOURCES = path.join(SCHEMAS, 'avro');
const FIXTURES = path.join(__dirname, 'fixtures');

function decode(args, input) {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { input, encoding: 'utf8' });
  return {
    status: result.status,
    stderr: result.stderr,
    records: result.stdout.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line)),
  };
}

/** `value` in single-object encoding with `schema`, as a later release would write it. */
function singleObject(schema, value) {
  const type = avro.Type.forSchema(schema, { wrapUnions: true });
  const header = Buffer.alloc(10);
  header.writeUInt16BE(0xc301, 0);
  header.writeBigUInt64LE(BigInt(`0x${fingerprintOf(type)}`), 2);
  return Buffer.concat([header, type.toBuffer(value)]);
}

function fixtureLines() {
  return fs.readFileSync(path.join(FIXTURES, 'java-written.records'), 'utf8').split('\n').filter((l) => l !== '');
}

function expectedAsWritten() {
  return fs.readFileSync(path.join(FIXTURES, 'java-written.expected.jsonl'), 'utf8')
    .split('\n').filter((line) => line !== '').map((line) => JSON.parse(line));
}

test('records Java wrote decode to what Java decodes, every payload type of every topic', () => {
  const { status, stderr, records } = decode(['--schema-history', HISTORY,
    path.join(FIXTURES, 'java-written.records')]);
  assert.strictEqual(stderr, '');
  assert.strictEqual(status, 0);
  assert.deepStrictEqual(records, expectedAsWritten());
});

test('with the reader schemas, a v1 fact reads as the current schema does: agent_version null', () => {
  const { status, records } = decode(['--schema-history', HISTORY, '--reader-schemas', SOURCES,
    path.join(FIXTURES, 'java-written.records')]);
  assert.strictEqual(status, 0);
  const v1 = records.find((record) => record.schema.endsWith('InventoryFact') && record.version === 1);
  assert.strictEqual(v1.value.agent_version, null);
  assert.ok(!('agent_version' in expectedAsWritten().find((record) => record.version === 1 && record.schema === v1.schema).value));
});

test('an enum symbol the current schema does not know reads as UNKNOWN', () => {
  // A later release that adds a reject reason: this release reads it as the enum's default.
  const history = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-history-'));
  fs.cpSync(HISTORY, history, { recursive: true });
  const ledgerFolder = path.join(history, 'io.pciledger.schemas.ledger.LedgerEvent');
  const v2 = fs.readFileSync(path.join(ledgerFolder, 'v1.avsc'), 'utf8')
    .replace('"CLAIM_NOT_LIVE" ]', '"CLAIM_NOT_LIVE", "QUOTA_EXCEEDED" ]');
  assert.match(v2, /QUOTA_EXCEEDED/);
  fs.writeFileSync(path.join(ledgerFolder, 'v2.avsc'), v2);
  const line = `compute-1\t${singleObject(JSON.parse(v2), {
    host: 'compute-1', seq: 9, timestamp: 0, cause_id: 'cmd-9', actor: 'acme',
    payload: { 'io.pciledger.schemas.ledger.ClaimRejected': {
      claim_id: 'c-9', tenant: 'acme', instance: 'vm-9', request_hash: 'h', reason: 'QUOTA_EXCEEDED', message: 'over quota',
    } },
  }).toString('hex')}\n`;

  const asWritten = decode(['--schema-history', history], line);
  const asRead = decode(['--schema-history', history, '--reader-schemas', SOURCES], line);

  const reason = (result) => result.records[0].value.payload['io.pciledger.schemas.ledger.ClaimRejected'].reason;
  assert.strictEqual(asWritten.records[0].version, 2);
  assert.strictEqual(reason(asWritten), 'QUOTA_EXCEEDED');
  assert.strictEqual(reason(asRead), 'UNKNOWN');
});

test('a record of a kind the current schema does not have is reported, and still shows as written', () => {
  const history = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-history-'));
  fs.cpSync(HISTORY, history, { recursive: true });
  const ledgerFolder = path.join(history, 'io.pciledger.schemas.ledger.LedgerEvent');
  const schema = JSON.parse(fs.readFileSync(path.join(ledgerFolder, 'v1.avsc'), 'utf8'));
  schema.fields.find((field) => field.name === 'payload').type
    .push({ type: 'record', name: 'HostDrained', fields: [{ name: 'reason', type: 'string' }] });
  fs.writeFileSync(path.join(ledgerFolder, 'v2.avsc'), JSON.stringify(schema));
  const line = `compute-1\t${singleObject(schema, {
    host: 'compute-1', seq: 10, timestamp: 0, cause_id: 'cmd-10', actor: 'admin',
    payload: { 'io.pciledger.schemas.ledger.HostDrained': { reason: 'maintenance' } },
  }).toString('hex')}\n`;

  const asRead = decode(['--schema-history', history, '--reader-schemas', SOURCES], line);
  const asWritten = decode(['--schema-history', history], line);

  assert.strictEqual(asRead.status, 1);
  assert.match(asRead.stderr, /line 1: a io\.pciledger\.schemas\.ledger\.LedgerEvent v2 record cannot be read as the current schema: .*HostDrained/);
  assert.strictEqual(asWritten.status, 0);
  assert.deepStrictEqual(asWritten.records[0].value.payload, { 'io.pciledger.schemas.ledger.HostDrained': { reason: 'maintenance' } });
});

test('undecodable records are reported with their line and what is wrong; the others still print', () => {
  const good = fixtureLines()[0];
  const goodHex = good.split('\t')[1];
  const unknownFingerprint = `c301${'00'.repeat(8)}02`;
  const truncated = goodHex.slice(0, goodHex.length - 8);
  const input = [`k\t0102${goodHex.slice(4)}`, good, `k\t${unknownFingerprint}`, `k\t${truncated}`, 'k\tc301'].join('\n');

  const { status, stderr, records } = decode(['--schema-history', HISTORY], input);

  assert.strictEqual(status, 1);
  assert.strictEqual(records.length, 1);
  const errors = stderr.trim().split('\n');
  assert.match(errors[0], /^decode-records: line 1: bad header: expected the Avro single-object marker C3 01, found 01 02$/);
  assert.match(errors[1], /^decode-records: line 3: unknown schema fingerprint 0000000000000000: not among the 9 released/);
  assert.match(errors[2], /^decode-records: line 4: the body of a io\.pciledger\.schemas\.\S+ v\d+ record \(schema fingerprint [0-9a-f]{16}, \d+ bytes\) does not match its schema/);
  assert.match(errors[3], /^decode-records: line 5: 2 bytes are too short/);
});

test('kcat output decodes like lines, with partition and offset', () => {
  const frames = fixtureLines().slice(0, 3).map((line, offset) => {
    const [key, hex] = line.split('\t');
    const value = Buffer.from(hex, 'hex');
    return Buffer.concat([Buffer.from(`0 ${offset} ${Buffer.byteLength(key)} ${key}${value.length} `), value]);
  });
  const { status, records } = decode(['--schema-history', HISTORY, '--kcat'], Buffer.concat(frames));
  assert.strictEqual(status, 0);
  assert.deepStrictEqual(records.map(({ partition, offset, ...rest }) => [partition, offset, rest]),
    expectedAsWritten().slice(0, 3).map((expected, offset) => [0, offset, expected]));
});

test('without --schema-history it says what is missing and exits 2', () => {
  const { status, stderr } = decode([], '');
  assert.strictEqual(status, 2);
  assert.match(stderr, /--schema-history DIR is required/);
});
