/**
 * The names of the publish layout (docs/list-format.md, "The publish directory"): `index.json`,
 * and per list `latest.json`, `v<N>.json`, `delta-<M>-<N>.json`, each list file with a `.sig`
 * beside it. Nothing else is ever written, exported or served under these rules, so a secret key
 * or a database file that happens to sit in the same place can never be one of them.
 */
const LIST_FILE = /^([a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)\/(latest|v([1-9]\d{0,15})|delta-([1-9]\d{0,15})-([1-9]\d{0,15}))\.json(\.sig)?$/;

export type LayoutFile =
  | { readonly kind: 'index' }
  | { readonly kind: 'latest'; readonly id: string; readonly signature: boolean }
  | { readonly kind: 'list'; readonly id: string; readonly version: number; readonly signature: boolean }
  | { readonly kind: 'delta'; readonly id: string; readonly from: number; readonly to: number; readonly signature: boolean };

/** What a path of the layout is, or null when it is not one of the layout's names. */
export function layoutFile(path: string): LayoutFile | null {
  if (path === 'index.json') return { kind: 'index' };
  const match = LIST_FILE.exec(path);
  if (!match) return null;
  const [, id, name, version, from, to, sig] = match as unknown as [string, string, string, string?, string?, string?, string?];
  const signature = sig !== undefined;
  if (name === 'latest') return { kind: 'latest', id, signature };
  if (version !== undefined) return { kind: 'list', id, version: Number(version), signature };
  if (Number(from) >= Number(to)) return null;
  return { kind: 'delta', id, from: Number(from), to: Number(to), signature };
}

/**
 * A version's list and its deltas never change once published (a new version gets new names), so
 * a cache may keep them for good; `latest.json` and `index.json` change with every publication.
 */
export function isImmutable(file: LayoutFile): boolean {
  return file.kind === 'list' || file.kind === 'delta';
}
