/**
 * Which column of a register's export is which. National registers export their authorised online
 * pharmacies in their own language and layout ("Site internet", "Numéro d'autorisation",
 * "Webseite", "Registrierungsnummer", "URL", "N°"…), so a header is matched by its words, accents
 * and punctuation aside, against the words each column goes by. An operator can always name a
 * column exactly instead.
 */
export const REGISTER_COLUMNS = ['website', 'number', 'name', 'date'] as const;
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];

/** Words (after normalising) that make a header this column; tried in this order, first match wins. */
const WORDS: Record<RegisterColumn, readonly string[]> = {
  // First: "nom de domaine" and "pharmacy website" are websites, not names.
  website: ['website', 'websites', 'url', 'web', 'site', 'sites', 'internet', 'domain', 'domaine', 'dominio', 'homepage', 'webseite', 'webadresse', 'sito', 'sitio', 'pagina', 'adresse web', 'online'],
  // Before the number: "date d'enregistrement" and "registration date" are dates.
  date: ['date', 'datum', 'fecha', 'data', 'registered', 'since', 'depuis', 'seit', 'desde', 'dal', 'valid from'],
  number: [
    'number', 'numero', 'nummer', 'no', 'nr', 'n', 'num', 'id', 'reference', 'ref', 'registration', 'registry', 'enregistrement',
    'licence', 'license', 'lizenz', 'autorisation', 'authorisation', 'authorization', 'registro', 'registrierung', 'zulassung', 'code',
    'cip', 'finess', 'identifiant',
  ],
  name: [
    'name', 'nom', 'nome', 'nombre', 'denomination', 'denominazione', 'denominacion', 'raison sociale', 'enseigne', 'pharmacy', 'pharmacie',
    'apotheke', 'farmacia', 'farmacie', 'apotheek', 'titular', 'titulaire', 'company', 'firma', 'holder', 'inhaber',
  ],
};

/** Word endings that make a header this column: German writes compounds ("Registrierungsnummer"). */
const ENDINGS: Record<RegisterColumn, readonly string[]> = {
  website: ['webseite', 'internetseite', 'website'],
  date: ['datum'],
  number: ['nummer', 'number'],
  name: ['name'],
};

/** Lowercase words without accents or punctuation: "N° d'Enregistrement" → "n d enregistrement". */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The column a header names, or null. */
export function columnOf(header: string): RegisterColumn | null {
  const normal = normaliseHeader(header);
  if (normal === '') return null;
  const words = new Set(normal.split(' '));
  const padded = ` ${normal} `;
  for (const column of ['website', 'date', 'number', 'name'] as const) {
    if (WORDS[column].some((w) => (w.includes(' ') ? padded.includes(` ${w} `) : words.has(w)))) return column;
    if ([...words].some((word) => ENDINGS[column].some((ending) => word.endsWith(ending)))) return column;
  }
  return null;
}

export type ColumnChoice = Partial<Record<RegisterColumn, string>>;

export interface ColumnMap {
  /** Index of each column found in the header. */
  readonly index: Partial<Record<RegisterColumn, number>>;
  /** Problems with the header: a required column missing, a column named twice, an exact name not found. */
  readonly problems: string[];
}

/** Maps a header row to the columns; `chosen` names columns exactly, overriding the guess. */
export function mapColumns(header: readonly string[], chosen: ColumnChoice = {}): ColumnMap {
  const index: Partial<Record<RegisterColumn, number>> = {};
  const problems: string[] = [];
  for (const column of REGISTER_COLUMNS) {
    const exact = chosen[column];
    if (exact === undefined) continue;
    const at = header.findIndex((h) => h.trim().toLowerCase() === exact.trim().toLowerCase());
    if (at < 0) problems.push(`no column "${exact}" (the ${column} column asked for); the header has: ${header.map((h) => `"${h.trim()}"`).join(', ')}`);
    else index[column] = at;
  }
  const taken = new Set(Object.values(index));
  header.forEach((cell, at) => {
    if (taken.has(at)) return;
    const column = columnOf(cell);
    if (!column || chosen[column] !== undefined) return;
    const before = index[column];
    if (before === undefined) index[column] = at;
    else problems.push(`both "${header[before]!.trim()}" and "${cell.trim()}" could be the ${column} column; name the one to use`);
  });
  for (const required of ['website', 'number'] as const) {
    if (index[required] === undefined && chosen[required] === undefined) {
      problems.push(`no ${required === 'website' ? 'website' : 'registration number'} column; the header has: ${header.map((h) => `"${h.trim()}"`).join(', ')}`);
    }
  }
  return { index, problems };
}
