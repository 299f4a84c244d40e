/**
 * A saved page, read in Node as a browser would read it: bytes decoded by the charset the page
 * declares (BOM, `<meta charset>`, `http-equiv`), else UTF-8 with replacement characters, then
 * parsed by linkedom (a maintained DOM implementation) into a Document that extractFeatures reads
 * exactly as it reads the browser's. For the toolkit, the tests and the evaluation; never bundled.
 */
import { createRequire } from 'node:module';

type Linkedom = typeof import('linkedom');
let linkedom: Linkedom | undefined;
/**
 * linkedom is loaded when the first page is parsed, not when this module is: it costs about 170 ms
 * of the toolkit's start-up, and only `check --page` needs it.
 */
const parseHTML: Linkedom['parseHTML'] = (...args) => (linkedom ??= createRequire(import.meta.url)('linkedom') as Linkedom).parseHTML(...args);

/** Pages larger than this are cut before parsing: the features come from the top and the end anyway. */
export const MAX_PAGE_BYTES = 16 * 1024 * 1024;

const LABELS: Readonly<Record<string, string>> = { latin1: 'windows-1252', 'iso-8859-1': 'windows-1252', ascii: 'windows-1252', 'us-ascii': 'windows-1252' };

function declaredCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // The HTML standard's prescan looks at the first 1024 bytes.
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 1024));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i.exec(head);
  return match ? match[1]!.toLowerCase() : null;
}

/** windows-1252's bytes 0x80–0x9F (Node's TextDecoder reads them as Latin-1 control characters). */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const fixCp1252 = (text: string) => text.replace(/[\u0080-\u009F]/g, (c) => CP1252[c.charCodeAt(0) - 0x80] ?? c);

function decoderFor(label: string | null): TextDecoder {
  const name = label ? (LABELS[label] ?? label) : 'utf-8';
  try {
    return new TextDecoder(name);
  } catch {
    return new TextDecoder('utf-8');
  }
}

export function decodeHtml(bytes: Uint8Array): string {
  const cutBytes = bytes.length > MAX_PAGE_BYTES ? bytes.subarray(0, MAX_PAGE_BYTES) : bytes;
  const decoder = decoderFor(declaredCharset(cutBytes));
  const text = decoder.decode(cutBytes);
  return (decoder.encoding === 'windows-1252' ? fixCp1252(text) : text).replace(/\0/g, '\uFFFD');
}

/** A Document for the HTML (bytes or text). linkedom's Document is DOM-standard where extract reads it. */
export function parseDocument(html: Uint8Array | string): Document {
  const text = typeof html === 'string' ? html : decodeHtml(html);
  // A browser gives any text a document element; linkedom does so only when the markup has one.
  const { document } = parseHTML(/<html[\s>]/i.test(text) ? text : `<!doctype html><html><head></head><body>${text}</body></html>`);
  return document as unknown as Document;
}
