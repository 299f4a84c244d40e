import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS, EXIT } from '../../../lib/toolkit';
import { helpOf } from '../../../lib/toolkit/command';
import { CHILD_TIMEOUT_MS, cli, inProcess, workDir } from './cli';

const NAMES = ['keygen', 'build', 'sign', 'verify', 'diff', 'publish', 'check', 'export', 'rotate', 'directory'];

describe('pharmacheck', { timeout: CHILD_TIMEOUT_MS }, () => {
  it('has the documented commands', () => {
    expect(COMMANDS.map((c) => c.name)).toEqual(NAMES);
  });

  it('prints its help, naming every command and the exit codes, as a child process', async () => {
    const result = await cli(['--help'], await workDir());
    expect(result.code).toBe(0);
    for (const name of NAMES) expect(result.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(result.stdout).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n[\s\S]*\n {2}2 .*\n {2}3 /);
  });

  it.each(NAMES)('prints the help of %s with --help, -h and "help %s", and exits 0', async (name) => {
    const help = helpOf(COMMANDS.find((c) => c.name === name)!, {});
    expect(help).toMatch(new RegExp(`^Usage: pharmacheck ${name}`));
    for (const args of [[name, '--help'], [name, '-h'], ['help', name]]) {
      expect(await inProcess(args)).toEqual({ code: EXIT.ok, stdout: help, stderr: '' });
    }
  });

  it('gives --help precedence over missing arguments, as a child process', async () => {
    const result = await cli(['publish', '--help'], await workDir());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: pharmacheck publish/);
  });

  it('prints its version', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await inProcess(['--version'])).toEqual({ code: 0, stdout: `pharmacheck ${pkg.version}\n`, stderr: '' });
  });

  it('exits 2 with the help on stderr when given no command', async () => {
    const result = await cli([], await workDir());
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toMatch(/^Usage: pharmacheck <command>/);
    expect(result.stdout).toBe('');
  });

  it.each([
    ['an unknown command', ['frobnicate'], /unknown command "frobnicate"/],
    ['help on an unknown command', ['help', 'frobnicate'], /unknown command "frobnicate"/],
    ['an unknown option', ['build', 'x.txt', '--colour', 'red'], /unknown option --colour/],
    ['a missing argument', ['sign'], /missing <file>/],
    ['a missing required option', ['sign', 'list.json'], /--key is required/],
    ['an option without its value', ['build', 'x.txt', '--out'], /--out/],
    ['a malformed number', ['build', 'x.txt', '--out', 'y.json', '--version', 'two'], /--version takes a whole number/],
    ['a version of zero', ['build', 'x.txt', '--out', 'y.json', '--version', '0'], /--version takes a whole number of at least 1/],
    ['too many arguments', ['verify', 'a.json', 'b.json', '--key', 'k.json'], /unexpected argument "b.json"/],
    ['an unknown --type', ['verify', 'a.json', '--key', 'k.json', '--type', 'zip'], /--type is one of list, delta, latest/],
  ])('exits 2 for %s, with a hint and no stack trace', async (_what, args, message) => {
    const result = await inProcess(args);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/Run "pharmacheck( \w+)? --help" for usage\.\n$/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 3 naming the file it cannot read, as a child process', async () => {
    const result = await cli(['verify', 'missing.json', '--key', 'missing-key.json'], await workDir());
    expect(result.code).toBe(EXIT.io);
    expect(result.stderr).toBe('pharmacheck verify: cannot read missing-key.json: no such file or directory\n');
  });
});
