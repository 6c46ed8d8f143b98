#!/usr/bin/env node
/*
 * Validate CycloneDX 1.6 JSON BOMs against the official schema, offline, with the
 * @cyclonedx/cyclonedx-library JsonStrictValidator (schemas ship inside the package).
 * Usage: node tests/validate-bom.cjs FILE...   Exit 0 when every file is valid, 1 otherwise;
 * each error is printed with the file name.
 */
'use strict';
const fs = require('fs');
const CDX = require('@cyclonedx/cyclonedx-library');

async function main(files) {
  if (files.length === 0) {
    console.error('usage: validate-bom.cjs FILE...');
    return 2;
  }
  const validator = new CDX.Validation.JsonStrictValidator(CDX.Spec.Version.v1dot6);
  let bad = 0;
  for (const f of files) {
    let text;
    try {
      text = fs.readFileSync(f, 'utf8');
    } catch (e) {
      console.error(`${f}: cannot read: ${e.message}`);
      bad++;
      continue;
    }
    try {
      const errors = await validator.validate(text);
      if (errors === null) {
        console.log(`${f}: valid CycloneDX 1.6`);
      } else {
        console.error(`${f}: INVALID: ${JSON.stringify(errors, null, 1)}`);
        bad++;
      }
    } catch (e) {
      console.error(`${f}: validator failed: ${e.message}`);
      bad++;
    }
  }
  return bad === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then((rc) => process.exit(rc));
