/** Pages for the caution tests: HTML parsed as the toolkit parses it, then the features and one reading. */
import { extractFeatures, readPage, type PageFeatures, type PageRead, type Signal } from '../../../lib/caution';
import { parseDocument } from '../../../lib/caution/node/html';

export function featuresOf(html: string | Uint8Array, url = 'https://shop.example/'): PageFeatures {
  return extractFeatures(parseDocument(html), { url });
}

export function readOf(html: string, url = 'https://shop.example/'): PageRead {
  return readPage(featuresOf(html, url));
}

export const ids = (signals: readonly Signal[]) => signals.map((s) => s.id);

/** A page with the usual parts of a shop around `body`. */
export function shop(body: string, { title = 'Online shop', lang = 'en', footer = '' } = {}): string {
  return `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body><header><a href="/">Home</a> <a href="/cart/">Cart</a></header><main>${body}</main><footer>${footer}</footer></body></html>`;
}

/** An article page (no cart, no prices) around `body`. */
export function article(body: string, { title = 'Article', lang = 'en' } = {}): string {
  return `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body><header><a href="/">News</a></header><article>${body}</article></body></html>`;
}

/** Deterministic bytes that are not text. */
export function junk(length: number, seed = 7): Uint8Array {
  let state = seed;
  return new Uint8Array(length).map(() => ((state = (state * 1103515245 + 12345) & 0x7fffffff) >> 16) & 0xff);
}

export const nested = (depth: number, inner: string) => `<html><body>${'<div>'.repeat(depth)}${inner}${'</div>'.repeat(depth)}</body></html>`;

/** Text in scripts the vocabulary never planned for. */
export const FOREIGN_SCRIPTS = [
  'ร้านค้าออนไลน์ของเรามีสินค้าหลากหลาย ราคาถูก ส่งฟรีทั่วประเทศ',
  'የእኛ የመስመር ላይ መደብር ብዙ ዕቃዎች አሉት፣ ዋጋው ርካሽ ነው',
  '우리 온라인 상점에는 다양한 상품이 있습니다. 무료 배송',
  'हमारी ऑनलाइन दुकान में कई सामान हैं, सस्ता और मुफ्त डिलीवरी',
  '我们的网上商店有很多商品，价格便宜，免费送货',
  'Наш интернет-магазин: много товаров, низкие цены',
];
