'use strict';

const test = require('node:test');
const assert = require('node:assert');
const { readLines, readKcatFrames } = require('../src/recordInput');

test('a line is a value or a key and a value, in hex or base64', () => {
  const records = readLines('c30102\nhost-1\tc30102\n\nhost-2\twwEC\n');
  assert.deepStrictEqual(records.map(({ key, bytes }) => [key, bytes.toString('hex')]),
    [[undefined, 'c30102'], ['host-1', 'c30102'], ['host-2', 'c30102']]);
  assert.deepStrictEqual(records.map(({ where }) => where), ['line 1', 'line 2', 'line 4']);
});

test('a value that is neither hex nor base64 is an error of its line only', () => {
  const records = readLines('host-1\tnot a record!\nc30102\n');
  assert.match(records[0].error, /neither hex nor base64/);
  assert.strictEqual(records[1].bytes.toString('hex'), 'c30102');
});

test('kcat frames carry binary values, newlines and spaces included, and null keys and values', () => {
  const value = Buffer.from([0xc3, 0x01, 0x0a, 0x20, 0x0a]);
  const data = Buffer.concat([
    Buffer.from('3 41 6 host-1'), Buffer.from(`${value.length} `), value,
    Buffer.from('0 7 -1 -1 '),
  ]);
  const [first, second] = readKcatFrames(data);
  assert.deepStrictEqual([first.partition, first.offset, first.key, first.bytes], [3, 41, 'host-1', value]);
  assert.deepStrictEqual([second.partition, second.offset, second.key, second.bytes], [0, 7, undefined, null]);
});

test('output that is not in the kcat format is refused, saying where', () => {
  assert.throws(() => readKcatFrames(Buffer.from('host-1\tc30102\n')), /at byte 0 is not in the format '%p %o %K %k%S %s'/);
  assert.throws(() => readKcatFrames(Buffer.from('0 1 -1 9 c301')), /ends inside a value of 9 bytes/);
});
