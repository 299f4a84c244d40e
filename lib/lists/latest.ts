/**
 * `latest.json`: the small signed file a subscription polls. It names the current version, the
 * full list's file, and the deltas that lead to it from recent versions, so a subscriber downloads
 * one delta when it can and the full list otherwise.
 */
import { z } from 'zod';
import { listIdSchema } from './schema';

// No leading dot: `.` and `..` would name a folder, not a file in this one.
const fileName = z.string().regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/, 'a plain file name in the same folder');

export const latestSchema = z
  .strictObject({
    format: z.literal(1),
    type: z.literal('latest'),
    id: listIdSchema,
    version: z.number().int().positive(),
    issued: z.iso.datetime({ offset: true }),
    expires: z.iso.datetime({ offset: true }),
    list: fileName,
    deltas: z.array(z.strictObject({ from: z.number().int().positive(), file: fileName })).max(1000),
    updateIntervalMinutes: z.number().int().min(15).max(7 * 24 * 60).optional(),
  })
  .superRefine((latest, ctx) => {
    latest.deltas.forEach((d, i) => {
      if (d.from >= latest.version) ctx.addIssue({ code: 'custom', path: ['deltas', i, 'from'], message: 'a delta must start before the current version' });
    });
  });
export type Latest = z.infer<typeof latestSchema>;

export function listFileName(version: number): string {
  return `v${version}.json`;
}

export function deltaFileName(from: number, to: number): string {
  return `delta-${from}-${to}.json`;
}
