#!/usr/bin/env node
// Launcher for the list toolkit: runs the TypeScript entry through tsx, so `npx pharmacheck` works
// straight after `npm ci`, with no separate build and the same lib/ code the extension runs.
import { register } from 'tsx/esm/api';

register();
await import('../lib/toolkit/main.ts');
