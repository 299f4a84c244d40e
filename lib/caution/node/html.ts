/**
 * A saved page, read in Node as a browser would read it: bytes decoded by the charset the page
 * declares (BOM, `<meta charset>`, `http-equiv`), else UTF-8 with replacement characters, then
 * parsed by linkedom (a maintained DOM implementation) into a Document that extractFeatures reads
 * exactly as it reads the browser's. For the toolkit, the tests and the evaluation; never bundled.
 */
import { parseHTML } from 'linkedom';

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
  return decoderFor(declaredCharset(cutBytes)).decode(cutBytes).replace(/\0/g, '\uFFFD');
}

/** A Document for the HTML (bytes or text). linkedom's Document is DOM-standard where extract reads it. */
export function parseDocument(html: Uint8Array | string): Document {
  const text = typeof html === 'string' ? html : decodeHtml(html);
  const { document } = parseHTML(text.length > 0 ? text : '<!doctype html><html><body></body></html>');
  return document as unknown as Document;
}
