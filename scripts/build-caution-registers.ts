/**
 * Builds data/caution/registers.json from data/sources/authorities.csv and eu-registers.csv
 * (provenance in data/README.md). Run `npm run data:registers` after changing either CSV; a unit
 * test fails when the committed file and this conversion disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { registersFromCsv, registersJson } from '../lib/caution/registers/convert';

const data = fileURLToPath(new URL('../data/', import.meta.url));
const registers = registersFromCsv(readFileSync(`${data}sources/authorities.csv`, 'utf8'), readFileSync(`${data}sources/eu-registers.csv`, 'utf8'));
writeFileSync(`${data}caution/registers.json`, registersJson(registers));
const by = (v: string) => registers.filter((r) => r.verification === v).length;
console.log(`wrote ${registers.length} registers (${by('VERIFIED')} verified, ${by('SECONDARY')} secondary, ${by('INFERRED')} inferred), ${registers.reduce((n, r) => n + r.hosts.length, 0)} hosts`);
