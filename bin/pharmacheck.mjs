#!/usr/bin/env node
// The list toolkit. Installed from the package, it runs the compiled bundle (dist/, built by
// `npm run build:packages` when the package is packed). In a checkout of the repository, where
// lib/ and tsx are, it runs the TypeScript source through tsx, so that `npx pharmacheck` always
// runs the code beside it, never a stale build.
import { existsSync } from 'node:fs';

const source = new URL('../lib/toolkit/main.ts', import.meta.url);
if (existsSync(source) && (await import('tsx/esm/api').then((tsx) => (tsx.register(), true), () => false))) await import(source.href);
else await import('../dist/toolkit/pharmacheck.js');
