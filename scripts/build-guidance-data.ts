/**
 * Converts the researched CSVs (data/sources/authorities.csv and medicrime-parties.csv, provenance
 * in data/README.md) into the JSON the extension ships. Run `npm run data:guidance` after changing
 * a CSV; a unit test fails when the committed JSON and this conversion disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { authoritiesFromCsv, medicrimePartiesFromCsv, toDataJson } from '../lib/guidance/convert';

const data = fileURLToPath(new URL('../data/', import.meta.url));
const authorities = authoritiesFromCsv(readFileSync(`${data}sources/authorities.csv`, 'utf8'));
const parties = medicrimePartiesFromCsv(readFileSync(`${data}sources/medicrime-parties.csv`, 'utf8'));
writeFileSync(`${data}authorities.json`, toDataJson(authorities));
writeFileSync(`${data}medicrime-parties.json`, toDataJson(parties));
const count = (rows: readonly { verificationStatus: string }[], status: string) => rows.filter((r) => r.verificationStatus === status).length;
console.log(
  `wrote ${authorities.length} authorities (${count(authorities, 'verified')} verified, ${count(authorities, 'partly-verified')} partly, ${count(authorities, 'unverified')} not verified)` +
    ` and ${parties.length} Medicrime records`,
);
