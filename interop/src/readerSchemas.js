'use strict';

const fs = require('fs');
const path = require('path');
const avro = require('avsc');
const { TYPE_OPTIONS } = require('./schemaHistory');

/**
 * The current schemas, read from the `.avsc` sources (schemas/src/main/avro): the reader schemas that
 * Java consumers decode into. Unlike the released files, the sources are not self-contained: each topic's
 * envelope names shared types (`io.pciledger.schemas.common.Device`, `ClaimedDevice`, ...) defined in
 * files of their own, and `ClaimedDevice` itself names `DevType`. Java's build imports them in dependency
 * order (the `<imports>` of schemas/pom.xml); here every file is parsed into one registry, each file once
 * the types it names are defined, so a new shared file needs no list to be kept up to date.
 *
 * @param {string} folder the sources folder; searched recursively for `.avsc` files
 * @returns {Map<string, object>} avsc types by full name, one per file
 */
function loadReaderSchemas(folder) {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new Error(`reader schema folder ${folder} does not exist or is not a folder`);
  }
  let pending = avscFiles(folder).map((file) => ({ file, schema: readJson(file), error: null }));
  if (pending.length === 0) {
    throw new Error(`${folder} holds no .avsc file`);
  }
  const registry = {};
  const types = new Map();
  while (pending.length > 0) {
    const stillPending = [];
    for (const entry of pending) {
      // A failed parse may have registered some of the file's types already: parse into a copy, and
      // keep what it defined only when the whole file parsed.
      const attempt = { ...registry };
      try {
        const type = avro.Type.forSchema(entry.schema, { ...TYPE_OPTIONS, registry: attempt });
        Object.assign(registry, attempt);
        types.set(type.name, type);
      } catch (e) {
        if (!/undefined type name/.test(e.message)) {
          throw new Error(`${entry.file}: ${e.message}`);
        }
        stillPending.push({ ...entry, error: e.message });
      }
    }
    if (stillPending.length === pending.length) {
      throw new Error('cannot resolve the named types of '
        + stillPending.map(({ file, error }) => `${file} (${error})`).join(', '));
    }
    pending = stillPending;
  }
  return types;
}

function avscFiles(folder) {
  return fs.readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        return avscFiles(full);
      }
      return entry.name.endsWith('.avsc') ? [full] : [];
    });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file} is not a JSON schema: ${e.message}`);
  }
}

module.exports = { loadReaderSchemas };
