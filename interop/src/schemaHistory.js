'use strict';

const fs = require('fs');
const path = require('path');
const avro = require('avsc');
const { fingerprintOf } = require('./fingerprint');

/** How avsc types are built throughout: unions wrapped, so values print in Avro's JSON encoding. */
const TYPE_OPTIONS = Object.freeze({ wrapUnions: true });

const VERSION_FILE = /^v([1-9][0-9]*)\.avsc$/;

/**
 * Every released writer schema, by fingerprint: the files `<full record name>/v<N>.avsc` of a
 * schema-history folder (schemas/src/main/resources/schema-history in the repository).
 *
 * Each released file is self-contained (the shared types such as `Device` are written out inside it), so
 * each is parsed on its own: versions of one record define the same named types, and one shared registry
 * would refuse the second definition.
 *
 * @param {string} folder the schema-history folder
 * @returns {Map<string, {fullName: string, version: number, file: string, type: object}>} keyed by the
 *     fingerprint as 16 hex digits
 */
function loadSchemaHistory(folder) {
  const records = listFolder(folder, 'schema-history folder');
  const byFingerprint = new Map();
  for (const fullName of records) {
    const recordFolder = path.join(folder, fullName);
    if (!fs.statSync(recordFolder).isDirectory()) {
      continue;
    }
    const versions = fs.readdirSync(recordFolder)
      .map((file) => ({ file, match: VERSION_FILE.exec(file) }))
      .filter(({ match }) => match !== null)
      .map(({ file, match }) => ({ file: path.join(recordFolder, file), version: Number(match[1]) }))
      .sort((a, b) => a.version - b.version);
    for (const { file, version } of versions) {
      const type = parseFile(file);
      if (type.name !== fullName) {
        throw new Error(`${file} defines ${type.name}, but its folder says ${fullName}`);
      }
      const fingerprint = fingerprintOf(type);
      // Two versions that differ only in docs have one canonical form: the older one names it.
      if (!byFingerprint.has(fingerprint)) {
        byFingerprint.set(fingerprint, { fullName, version, file, type });
      }
    }
  }
  if (byFingerprint.size === 0) {
    throw new Error(`${folder} holds no released schema (expected <full record name>/v<N>.avsc files)`);
  }
  return byFingerprint;
}

function parseFile(file, registry = {}) {
  let schema;
  try {
    schema = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file} is not a JSON schema: ${e.message}`);
  }
  return avro.Type.forSchema(schema, { ...TYPE_OPTIONS, registry });
}

function listFolder(folder, what) {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new Error(`${what} ${folder} does not exist or is not a folder`);
  }
  return fs.readdirSync(folder).sort();
}

module.exports = { loadSchemaHistory, TYPE_OPTIONS };
