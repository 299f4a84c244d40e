/**
 * `POST /v1/lists/:id/register` (publisher): a register's CSV export (`Content-Type: text/csv`)
 * becomes the allowlist's draft. Query: `skipBadLines=true` to import the good lines of a file
 * with bad ones, and `website=`, `number=`, `name=`, `date=` to name a column exactly when its
 * header is not recognised. A file with bad lines changes nothing unless told to skip them: the
 * answer is a 400 whose `issues` name every bad line (`line 12`) and what is wrong with it.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listIdSchema } from '../../../lib/lists/schema';
import { actorName, ownerOf, requireRole } from '../auth';
import type { RateLimit } from '../config';
import type { Database } from '../db';
import { HubError, parseOrRefuse } from '../errors';
import { readRegisterExport } from './csv';
import { BadRegisterFile, importRegister } from './import';

/** A register of tens of thousands of pharmacies is a few MiB. */
export const REGISTER_BODY_LIMIT = 16 * 1024 * 1024;
const MAX_ISSUES = 1000;

const params = z.strictObject({ id: listIdSchema });
const column = z.string().min(1).max(200).optional();
const query = z.strictObject({
  skipBadLines: z.enum(['true', 'false']).default('false'),
  website: column,
  number: column,
  name: column,
  date: column,
});

export async function registerRoutes(app: FastifyInstance, { db, rateLimit }: { db: Database; rateLimit: RateLimit }): Promise<void> {
  const guard = requireRole(db, 'publisher');
  app.addHook('preParsing', async (request, reply, payload) => {
    await guard(request, reply);
    return payload;
  });
  app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: REGISTER_BODY_LIMIT }, (_request, body, done) => done(null, body));
  const config = { rateLimit: { max: rateLimit.max, timeWindow: rateLimit.windowMs, groupId: 'review' } };

  app.post('/:id/register', { config, bodyLimit: REGISTER_BODY_LIMIT }, async (request) => {
    const { id } = parseOrRefuse(params, request.params);
    const { skipBadLines, website, number, name, date } = parseOrRefuse(query, request.query);
    if (!Buffer.isBuffer(request.body)) throw new HubError(415, 'unsupported-media-type', 'send the register export as text/csv');
    const bytes = new Uint8Array(request.body);
    const now = new Date();
    const file = readRegisterExport(bytes, { columns: { website, number, name, date }, now });
    try {
      const result = await importRegister(db, { listId: id, file, bytes, actor: actorName(ownerOf(request)), skipBadLines: skipBadLines === 'true', now });
      request.log.info({ listId: id, entries: result.entries, added: result.added, removed: result.removed, skipped: result.skipped.length }, 'register imported');
      return { ...result, delimiter: file.delimiter, encoding: file.encoding, columns: file.columns };
    } catch (error) {
      if (!(error instanceof BadRegisterFile)) throw error;
      const issues = error.problems.slice(0, MAX_ISSUES).map((p) => ({ path: p.line === 0 ? 'file' : `line ${p.line}`, message: p.message }));
      const more = error.problems.length > MAX_ISSUES ? ` (the first ${MAX_ISSUES} are listed)` : '';
      throw new HubError(400, 'invalid-request', `the register export has ${error.message}${more}`, issues);
    }
  });
}
