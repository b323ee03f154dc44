'use strict';

/**
 * The records to decode, from one of two inputs:
 *
 * - lines: one record a line, `VALUE` or `KEY<TAB>VALUE`, the value's bytes in hex or base64 (a record
 *   always starts with the bytes C3 01: `c301...` in hex, `wwE...` in base64). Blank lines are skipped.
 * - kcat frames: what `kcat -C ... -f '%p %o %K %k%S %s'` prints: partition, offset, key length, the key,
 *   the value's length and the value's raw bytes. The lengths make it safe for binary values, which may
 *   hold any byte, newlines included.
 */

/** The kcat output format that `readKcatFrames` reads. */
const KCAT_FORMAT = '%p %o %K %k%S %s';

const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * @param {string} text
 * @returns {Array<{where: string, key?: string, bytes?: Buffer, error?: string}>}
 */
function readLines(text) {
  const records = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const where = `line ${index + 1}`;
    if (line.trim() === '') {
      return;
    }
    const tab = line.indexOf('\t');
    const key = tab < 0 ? undefined : line.slice(0, tab);
    const value = (tab < 0 ? line : line.slice(tab + 1)).trim();
    if (HEX.test(value)) {
      records.push({ where, key, bytes: Buffer.from(value, 'hex') });
    } else if (BASE64.test(value) && value.length % 4 === 0) {
      records.push({ where, key, bytes: Buffer.from(value, 'base64') });
    } else {
      records.push({ where, key, error: 'the value is neither hex nor base64'
        + ' (expected one record a line: VALUE or KEY<TAB>VALUE)' });
    }
  });
  return records;
}

/**
 * @param {Buffer} data everything kcat printed
 * @returns {Array<{where: string, key?: string, partition: number, offset: number, bytes: Buffer|null}>} a null
 *     value (a tombstone) as null bytes
 * @throws {Error} when the data is not in the format `KCAT_FORMAT` (the frames cannot be told apart after that)
 */
function readKcatFrames(data) {
  const records = [];
  let position = 0;
  const readNumber = (terminator) => {
    const end = data.indexOf(terminator, position);
    const text = end < 0 ? '' : data.toString('latin1', position, end);
    if (!/^-?[0-9]+$/.test(text)) {
      throw new Error(`kcat output at byte ${position} is not in the format '${KCAT_FORMAT}'`
        + ` (expected a number, found ${JSON.stringify(data.toString('latin1', position, position + 20))})`);
    }
    position = end + 1;
    return Number(text);
  };
  const readBytes = (length, what) => {
    if (position + length > data.length) {
      throw new Error(`kcat output ends inside a ${what} of ${length} bytes at byte ${position}`);
    }
    const bytes = data.subarray(position, position + length);
    position += length;
    return bytes;
  };
  while (position < data.length) {
    const partition = readNumber(0x20);
    const offset = readNumber(0x20);
    const keyLength = readNumber(0x20);
    const key = keyLength < 0 ? undefined : readBytes(keyLength, 'key').toString('utf8');
    const valueLength = readNumber(0x20);
    const where = `partition ${partition} offset ${offset}`;
    if (valueLength < 0) {
      records.push({ where, key, partition, offset, bytes: null });
    } else {
      records.push({ where, key, partition, offset, bytes: Buffer.from(readBytes(valueLength, 'value')) });
    }
  }
  return records;
}

module.exports = { readLines, readKcatFrames, KCAT_FORMAT };
