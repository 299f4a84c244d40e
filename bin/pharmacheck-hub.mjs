#!/usr/bin/env node
// The hub (`pharmacheck-hub`, docs/hub.md). Installed from the package, it runs the compiled bundle
// (dist/, built when the package is packed). In a checkout of the repository, where server/ and tsx
// are, it runs the TypeScript source through tsx (what `npm run hub` does).
import { existsSync } from 'node:fs';

const source = new URL('../server/src/cli/index.ts', import.meta.url);
if (existsSync(source) && (await import('tsx/esm/api').then((tsx) => (tsx.register(), true), () => false))) await import(source.href);
else await import('../dist/hub/pharmacheck-hub.js');
