/**
 * Several signatures over the same bytes, and a threshold of them, for the directory of publishers
 * (docs/list-format.md §15): its `.sig` file is one signature object, as for a list, or an array of
 * them, and a directory counts only when at least `threshold` of the extension's pinned keys signed
 * it, so one stolen key cannot say who is an authority. Never throws.
 */
import { z } from 'zod';
import { signatureFileSchema, verifyOne, type PublicKeyFile, type SignatureFile, type SignatureProblem } from './index';

export const MAX_SIGNATURES = 8;
export const SIGNATURES_MAX_CHARS = 2048;

// Built on first use: this module and index.ts import each other, so index's schemas are not
// there yet while this module loads.
let signaturesSchema: z.ZodType<SignatureFile | SignatureFile[]> | undefined;
const schema = () => (signaturesSchema ??= z.union([signatureFileSchema, z.array(signatureFileSchema).min(1).max(MAX_SIGNATURES)]));

export type ThresholdProblem = SignatureProblem | 'threshold';

function parseSignatures(text: string): SignatureFile[] | null {
  if (text.length > SIGNATURES_MAX_CHARS) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = schema().safeParse(value);
  if (!parsed.success) return null;
  const list = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  // One key, one vote: a key that signs twice must not count twice.
  return new Set(list.map((s) => s.keyId)).size === list.length ? list : null;
}

/** The key ids a signatures text names (to add a signature to it), or null when it is malformed. */
export function signerIds(text: string): string[] | null {
  return parseSignatures(text)?.map((s) => s.keyId) ?? null;
}

/**
 * Null when at least `threshold` distinct keys of `keys` made good signatures over `bytes`.
 * Signatures by keys that are not pinned are ignored (a co-signer the extension does not know yet);
 * a pinned key's signature that does not verify refuses the file (`bad-signature`): it was changed.
 * No pinned key at all is `wrong-key`; too few is `threshold`.
 */
export async function verifyThreshold(bytes: Uint8Array, text: string, keys: readonly PublicKeyFile[], threshold: number): Promise<ThresholdProblem | null> {
  const signatures = parseSignatures(text);
  if (!signatures) return 'bad-signature-file';
  let good = 0;
  for (const signature of signatures) {
    const key = keys.find((k) => k.keyId === signature.keyId);
    const problem = await verifyOne(bytes, signature, key);
    if (problem === 'wrong-key' && key === undefined) continue;
    if (problem) return problem;
    good++;
  }
  if (good === 0) return 'wrong-key';
  return good >= threshold ? null : 'threshold';
}

/** The `.sig` text for several signatures: one object for one, an array for more, one line. */
export function signaturesText(signatures: readonly SignatureFile[]): string {
  return `${JSON.stringify(signatures.length === 1 ? signatures[0] : signatures)}\n`;
}
