// Writes the rule ids of the catalog into package.json, as the properties of the cptClaims.rules setting, so
// settings.json completes them. Run after adding or changing a rule: `npm run settings:rules` (which compiles
// first: the catalog is TypeScript). test/package/marketplace.test.ts fails while package.json is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ruleSettingProperties } = require('../out/server/src/settings/ruleSettingsSchema.js');

const manifestUrl = new URL('../package.json', import.meta.url);
const manifest = JSON.parse(readFileSync(manifestUrl, 'utf8'));
const rules = manifest.contributes.configuration.properties['cptClaims.rules'];
rules.properties = ruleSettingProperties();
writeFileSync(manifestUrl, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`cptClaims.rules: ${Object.keys(rules.properties).length} rule ids written to package.json`);
