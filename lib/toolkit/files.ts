/**
 * Reading and writing the files a command is given. Every failure becomes a CliError that names
 * the file and says what went wrong in words (exit 3 for I/O, 1 for content), never a stack trace.
 * Writes go to a temporary file beside the target, then a rename: a reader (or a web server) sees
 * the old file or the new one, never half of one.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { z } from 'zod';
import { ioReason } from '../publishing/error';
import { CliError, ioError, refused } from './exit';

export { ioReason } from '../publishing/error';

export async function readBytes(path: string): Promise<Uint8Array> {
  try {
    const buffer = await readFile(path);
    // A view, not a copy (a list can be over 100 MB).
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    throw ioError(`cannot read ${path}: ${ioReason(error)}`);
  }
}

export function decodeUtf8(bytes: Uint8Array, path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refused(`${path} is not UTF-8 text`);
  }
}

export async function readText(path: string): Promise<string> {
  return decodeUtf8(await readBytes(path), path);
}

/** The first problem zod found, as "path: message". */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const at = issue.path.map(String).join('.');
  return at ? `${at}: ${issue.message}` : issue.message;
}

export function parseJsonText<S extends z.ZodType>(text: string, schema: S, path: string, what: string): z.infer<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw refused(`${path} is not JSON (${(error as Error).message})`);
  }
  return parseWith(schema, value, path, what);
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, path: string, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw refused(`${path} is not a valid ${what}: ${firstIssue(result.error)}`);
  return result.data;
}

export async function readJson<S extends z.ZodType>(path: string, schema: S, what: string): Promise<z.infer<S>> {
  return parseJsonText(await readText(path), schema, path, what);
}

export async function writeFileAtomic(path: string, data: Uint8Array | string, mode = 0o644): Promise<void> {
  const temporary = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(temporary, data, { mode, flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw ioError(`cannot write ${path}: ${ioReason(error)}`);
  }
}

/**
 * The same, for text given in pieces (a large list), each encoded and written as it comes, so the
 * whole never sits in memory twice. `tooLarge` is called when more than `maxBytes` would be written:
 * the temporary file goes, the target is left as it was, and what it throws is thrown.
 */
export async function writePiecesAtomic(path: string, pieces: Iterable<string>, maxBytes: number, tooLarge: (bytes: number) => Error): Promise<number> {
  const temporary = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const encoder = new TextEncoder();
  let written = 0;
  let file;
  try {
    file = await open(temporary, 'wx', 0o644);
  } catch (error) {
    throw ioError(`cannot write ${path}: ${ioReason(error)}`);
  }
  try {
    for (const piece of pieces) {
      const bytes = encoder.encode(piece);
      written += bytes.byteLength;
      if (written > maxBytes) throw tooLarge(written);
      await file.write(bytes);
    }
    await file.close();
    file = null;
    await rename(temporary, path);
    return written;
  } catch (error) {
    await file?.close().catch(() => undefined);
    await rm(temporary, { force: true });
    if (error instanceof CliError) throw error;
    throw ioError(`cannot write ${path}: ${ioReason(error)}`);
  }
}
