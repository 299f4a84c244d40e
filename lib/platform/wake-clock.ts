/**
 * Imported first by the background script: the moment its code starts running (milliseconds since
 * the worker started, performance.now()), so the benchmark can tell the browser's start-up from
 * the extension's own (lib/protection/timings.ts).
 */
export const SCRIPT_START = performance.now();
