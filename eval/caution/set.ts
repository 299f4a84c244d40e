/** The labelled set of eval/caution (manifest.csv and its pages), and the browser's pipeline to judge a page. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractFeatures, firstLook, judge, type CautionAssessment } from '../../lib/caution';
import { parseDocument } from '../../lib/caution/node/html';

const HERE = fileURLToPath(new URL('./', import.meta.url));

export interface Row {
  readonly id: string;
  readonly label: 'rogue' | 'legit' | 'trap' | 'grey' | 'ordinary';
  readonly set: 'dev' | 'heldout';
  readonly lang: string;
  readonly url: string;
  readonly imitates: string;
}

export function manifest(): Row[] {
  const [header, ...lines] = readFileSync(`${HERE}manifest.csv`, 'utf8').trim().split('\n');
  if (header !== 'id,label,set,lang,url,imitates') throw new Error('manifest.csv: unexpected header');
  return lines.map((line) => {
    const cells = line.split(',');
    const [id, label, set, lang, url] = cells as [string, Row['label'], Row['set'], string, string];
    return { id, label, set, lang, url, imitates: cells.slice(5).join(',').replace(/^"|"$/g, '') };
  });
}

export function pagePath(id: string): string {
  for (const dir of ['pages', 'heldout', 'ordinary']) {
    const path = `${HERE}${dir}/${id}.html`;
    if (existsSync(path)) return path;
  }
  throw new Error(`no page for ${id}`);
}

export function hostOf(url: string): string {
  return new URL(url).hostname;
}

/** As the browser does it: first look, then extract, then judge. */
export function judgeHtml(html: Uint8Array | string, url: string): { assessment: CautionAssessment; looked: boolean } {
  const doc = parseDocument(html);
  const looked = firstLook(doc, url);
  return { assessment: judge(hostOf(url), looked ? extractFeatures(doc, { url }) : null), looked };
}

