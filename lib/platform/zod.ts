/**
 * Imported first by every entry point that uses zod. zod probes for `new Function` to compile its
 * parsers; the extension's CSP forbids eval (rightly), so the probe only logs a CSP violation.
 * Telling zod up front that there is no JIT skips the probe.
 */
import { z } from 'zod';

z.config({ jitless: true });
