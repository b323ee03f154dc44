#!/usr/bin/env node
'use strict';

/*
 * Decodes PCI Ledger records outside Java: reads record values (Avro single-object encoding, as the
 * ledger writes them to Kafka), picks each one's writer schema by its fingerprint among the released
 * schemas, and prints one JSON object a line. See docs/topics.md.
 */

const fs = require('fs');
const { loadSchemaHistory } = require('./src/schemaHistory');
const { loadReaderSchemas } = require('./src/readerSchemas');
const { SingleObjectDecoder, UndecodableRecordError } = require('./src/singleObjectDecoder');
const { readLines, readKcatFrames, KCAT_FORMAT } = require('./src/recordInput');

const USAGE = `usage: decode-records.js --schema-history DIR [--reader-schemas DIR] [--kcat] [FILE]

Decodes PCI Ledger Kafka record values and prints one JSON object a line:
  {"key": ..., "schema": full record name, "version": N, "fingerprint": 16 hex digits, "value": {...}}
with the value in Avro's JSON encoding (a union value names its branch: {"string": "x"}).

  --schema-history DIR  the released writer schemas: schemas/src/main/resources/schema-history
  --reader-schemas DIR  also resolve each record to the current schema, as Java consumers read it:
                        schemas/src/main/avro (without it, records are shown as written)
  --kcat                FILE holds what kcat -C -f '${KCAT_FORMAT}' printed (raw bytes, with
                        partition and offset); without it, one record a line: VALUE or KEY<TAB>VALUE,
                        the value in hex or base64
  FILE                  the records; standard input when absent or '-'

Exit status: 0 when every record decoded, 1 when some did not (each is reported on standard error with
its line, or partition and offset), 2 on bad arguments or schemas.`;

function parseArguments(argv) {
  const options = { kcat: false, file: '-' };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) {
        throw new Error(`${argument} needs a value`);
      }
      return argv[++i];
    };
    if (argument === '--schema-history') {
      options.schemaHistory = value();
    } else if (argument === '--reader-schemas') {
      options.readerSchemas = value();
    } else if (argument === '--kcat') {
      options.kcat = true;
    } else if (argument === '--help' || argument === '-h') {
      options.help = true;
    } else if (argument.startsWith('--')) {
      throw new Error(`unknown option ${argument}`);
    } else {
      options.file = argument;
    }
  }
  if (!options.help && options.schemaHistory === undefined) {
    throw new Error('--schema-history DIR is required');
  }
  return options;
}

function main(argv) {
  let options;
  let decoder;
  let records;
  try {
    options = parseArguments(argv);
    if (options.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const readers = options.readerSchemas === undefined ? undefined : loadReaderSchemas(options.readerSchemas);
    decoder = new SingleObjectDecoder(loadSchemaHistory(options.schemaHistory), readers);
    const input = fs.readFileSync(options.file === '-' ? 0 : options.file);
    records = options.kcat ? readKcatFrames(input) : readLines(input.toString('utf8'));
  } catch (e) {
    process.stderr.write(`decode-records: ${e.message}\n\n${USAGE}\n`);
    return 2;
  }

  let failed = 0;
  for (const record of records) {
    const output = { key: record.key === undefined ? null : record.key };
    if (record.partition !== undefined) {
      output.partition = record.partition;
      output.offset = record.offset;
    }
    try {
      if (record.error !== undefined) {
        throw new UndecodableRecordError(record.error);
      }
      if (record.bytes === null) {
        output.value = null;
      } else {
        Object.assign(output, decoder.decode(record.bytes));
      }
      process.stdout.write(`${JSON.stringify(output)}\n`);
    } catch (e) {
      if (!(e instanceof UndecodableRecordError)) {
        throw e;
      }
      failed++;
      process.stderr.write(`decode-records: ${record.where}: ${e.message}\n`);
    }
  }
  return failed === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
