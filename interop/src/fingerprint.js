'use strict';

/**
 * The 64-bit schema fingerprint of Avro's single-object encoding: CRC-64-AVRO (the "Rabin" fingerprint
 * of the Avro specification) of the schema's Parsing Canonical Form, as Java's
 * `SchemaNormalization.parsingFingerprint64` computes it. avsc has no such fingerprint of its own
 * (its `fingerprint()` hashes with md5 or sha256), so it is computed here, as the specification
 * describes it.
 */

const EMPTY = 0xc15d213aa4d7a795n;
const MASK_64 = 0xffffffffffffffffn;

const TABLE = (() => {
  const table = new Array(256);
  for (let i = 0; i < 256; i++) {
    let fp = BigInt(i);
    for (let bit = 0; bit < 8; bit++) {
      fp = (fp >> 1n) ^ ((fp & 1n) === 1n ? EMPTY : 0n);
    }
    table[i] = fp;
  }
  return table;
})();

/** CRC-64-AVRO of `bytes`, as an unsigned 64-bit BigInt. */
function crc64Avro(bytes) {
  let fp = EMPTY;
  for (const b of bytes) {
    fp = ((fp >> 8n) ^ TABLE[Number((fp ^ BigInt(b)) & 0xffn)]) & MASK_64;
  }
  return fp;
}

/**
 * The Parsing Canonical Form of an avsc type: full names, no doc, default, aliases or logical types,
 * attributes in the specification's order. avsc's `schema()` without options is exactly that.
 */
function canonicalForm(type) {
  return JSON.stringify(type.schema());
}

/** The fingerprint of an avsc type, as 16 lower-case hex digits (as Java prints the long with `%016x`). */
function fingerprintOf(type) {
  return toHex(crc64Avro(Buffer.from(canonicalForm(type), 'utf8')));
}

/**
 * The fingerprint in a single-object header: 8 bytes, little-endian (the first byte is the lowest), as
 * 16 hex digits of the 64-bit number.
 */
function fingerprintInHeader(header8) {
  return toHex(header8.readBigUInt64LE(0));
}

function toHex(fp) {
  return fp.toString(16).padStart(16, '0');
}

module.exports = { crc64Avro, canonicalForm, fingerprintOf, fingerprintInHeader };
