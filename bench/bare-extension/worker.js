// The bare extension's whole background (bench/wake.ts): a service worker in Chromium, an event
// page in Firefox. Its first line notes when the script started, as Pharmacheck's does
// (lib/platform/wake-clock.ts), and it answers the benchmark's message at once: what is left of a
// wake then is the browser's own cost of starting a background and delivering a message.
const scriptStart = performance.now();
const api = globalThis.browser ?? globalThis.chrome;
api.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (message?.type !== 'bare-wake') return undefined;
  sendResponse({ scriptStartMs: scriptStart, scriptToAnswerMs: performance.now() - scriptStart });
  return undefined;
});
