/**
 * The Firefox package passes `web-ext lint` (Mozilla's addons-linter, as addons.mozilla.org runs
 * it on upload) without a single error. Warnings are printed for a person to read: today one,
 * Preact's own `innerHTML` branch for dangerouslySetInnerHTML, which Pharmacheck never uses
 * (tests/package/source-safety.test.ts checks that).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BUILD_DIRS, readManifest } from './support/builds';

interface LintMessage {
  readonly code: string;
  readonly message: string;
  readonly description?: string;
  readonly file?: string;
}
interface LintReport {
  readonly errors: LintMessage[];
  readonly warnings: LintMessage[];
  readonly notices: LintMessage[];
}

async function lint(dir: string): Promise<LintReport> {
  // The CLI, as a person would run it; JSON out, and no web-ext config file of anyone's picked up.
  const args = ['node_modules/web-ext/bin/web-ext.js', 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'];
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 }).catch(
    // web-ext exits non-zero when there are errors; the report is still on stdout.
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  );
  return JSON.parse(stdout) as LintReport;
}

const describeMessage = (m: LintMessage) => `${m.code}${m.file ? ` (${m.file})` : ''}: ${m.message}`;

describe('web-ext lint on the Firefox package', () => {
  it('reports no errors', async () => {
    readManifest('firefox'); // a clear message when the build is missing
    const report = await lint(BUILD_DIRS.firefox);
    for (const warning of report.warnings) console.warn(`web-ext lint warning: ${describeMessage(warning)}`);
    expect(report.errors.map(describeMessage)).toEqual([]);
  });
});
