/**
 * How the bundled community list is made from its source. Kept beside the data so the test that
 * checks the committed file and the converter script share one definition.
 */
import { entriesFromPlainText, listSchema, type LineProblem, type List } from '../lib/lists';

export const DEFAULT_LIST_ID = 'community-rogue-pharmacies';
export const DEFAULT_LIST_FILE = 'lists/community-rogue-pharmacies.json';

/**
 * Date of this conversion: the day these entries were put on Pharmacheck's community list, which is
 * what an entry's `added` means (docs/list-format.md). When the sources themselves listed a name is
 * not known name by name, only by source: that is what the evidence says (the warning shows both).
 */
const ADDED = '2026-11-22';

export function defaultListFromSource(source: string): { list: List; problems: LineProblem[] } {
  const { entries, problems } = entriesFromPlainText(source, {
    category: 'illegal-pharmacy',
    added: ADDED,
    stripWww: true,
    evidence: {
      source: 'Community blocklists: hpHosts (its data of August 2019) and The Block List Project (its list of June 2026)',
      reference: 'https://github.com/blocklistproject/Lists',
    },
  });
  const list = listSchema.parse({
    format: 1,
    id: DEFAULT_LIST_ID,
    name: 'Community list of rogue online pharmacies (2020)',
    description:
      'Host names of rogue online pharmacies and pharmacy-spam sites collected by community blocklists. Not an authority list: many names are old, dead or re-registered.',
    publisher: { name: 'Pharmacheck (community sources)', type: 'community' },
    kind: 'block',
    version: 1,
    issued: `${ADDED}T00:00:00Z`,
    expires: '2028-11-22T00:00:00Z',
    entries,
  });
  return { list, problems };
}
