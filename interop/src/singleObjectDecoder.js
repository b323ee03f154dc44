'use strict';

const { fingerprintInHeader } = require('./fingerprint');

const MARKER_0 = 0xc3;
const MARKER_1 = 0x01;
const HEADER_LENGTH = 10;

/** Bytes that are not a record of any released schema; the message says what is wrong with them. */
class UndecodableRecordError extends Error {
  constructor(message) {
    super(message);
    this.name = 'UndecodableRecordError';
  }
}

/**
 * Decodes Avro single-object encoded records as PCI Ledger's Java serdes write them: the marker `C3 01`,
 * the writer schema's CRC-64-AVRO fingerprint in 8 little-endian bytes, then the Avro binary body.
 *
 * The fingerprint picks the writer schema among the released versions. Without reader schemas a record
 * is shown as it was written; with them, it is resolved to the current schema of the same name, as a Java
 * consumer sees it (fields added since get their defaults, enum symbols the reader does not know become
 * the enum's default, `UNKNOWN`).
 */
class SingleObjectDecoder {
  /**
   * @param {Map<string, {fullName: string, version: number, type: object}>} released from `loadSchemaHistory`
   * @param {Map<string, object>} [readers] from `loadReaderSchemas`, or nothing to decode as written
   */
  constructor(released, readers) {
    this.released = released;
    this.readers = readers;
    this.resolvers = new Map();
  }

  /**
   * @param {Buffer} bytes one record's value
   * @returns {{schema: string, version: number, fingerprint: string, value: object}} the value in Avro's
   *     JSON encoding (a union value is an object naming its branch, e.g. `{"string": "x"}`)
   * @throws {UndecodableRecordError} naming what is wrong: bad header, unknown fingerprint, bad body
   */
  decode(bytes) {
    if (bytes.length < HEADER_LENGTH) {
      throw new UndecodableRecordError(`${bytes.length} bytes are too short for an Avro single-object`
        + ` record (its header alone is ${HEADER_LENGTH} bytes)`);
    }
    if (bytes[0] !== MARKER_0 || bytes[1] !== MARKER_1) {
      throw new UndecodableRecordError('bad header: expected the Avro single-object marker C3 01, found '
        + bytes.subarray(0, 2).toString('hex').toUpperCase().replace(/(..)(..)/, '$1 $2'));
    }
    const fingerprint = fingerprintInHeader(bytes.subarray(2, HEADER_LENGTH));
    const writer = this.released.get(fingerprint);
    if (writer === undefined) {
      throw new UndecodableRecordError(`unknown schema fingerprint ${fingerprint}: not among the`
        + ` ${this.released.size} released schema versions (was it written by a newer release?)`);
    }
    const { type, resolver } = this.readerFor(writer, fingerprint);
    let value;
    try {
      value = type.fromBuffer(bytes.subarray(HEADER_LENGTH), resolver);
    } catch (e) {
      throw new UndecodableRecordError(`the body of a ${writer.fullName} v${writer.version} record`
        + ` (schema fingerprint ${fingerprint}, ${bytes.length} bytes) does not match its schema: ${e.message}`);
    }
    return {
      schema: writer.fullName,
      version: writer.version,
      fingerprint,
      value: JSON.parse(type.toString(value)),
    };
  }

  readerFor(writer, fingerprint) {
    if (this.readers === undefined) {
      return { type: writer.type, resolver: undefined };
    }
    if (!this.resolvers.has(fingerprint)) {
      const reader = this.readers.get(writer.fullName);
      if (reader === undefined) {
        throw new UndecodableRecordError(`no current schema named ${writer.fullName} among the reader schemas`);
      }
      try {
        this.resolvers.set(fingerprint, { type: reader, resolver: reader.createResolver(writer.type) });
      } catch (e) {
        // avsc refuses a writer schema it cannot resolve as a whole (e.g. a union branch the reader lacks),
        // where Java's Avro fails only on the records that use it.
        this.resolvers.set(fingerprint, { error: `a ${writer.fullName} v${writer.version} record cannot be`
          + ` read as the current schema: ${e.message} (decode without reader schemas to see it as written)` });
      }
    }
    const resolved = this.resolvers.get(fingerprint);
    if (resolved.error !== undefined) {
      throw new UndecodableRecordError(resolved.error);
    }
    return resolved;
  }
}

module.exports = { SingleObjectDecoder, UndecodableRecordError };
