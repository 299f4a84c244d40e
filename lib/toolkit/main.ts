/** The process entry of `pharmacheck` (bin/pharmacheck.mjs runs it through tsx). */
import { progressBar } from './progress';
import { run } from './run';

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  progress: progressBar(process.stderr),
}, process.env);
