/** Translated labels for values that come from lists. */
import { t, type MessageKey } from '../i18n';
import type { Category, Publisher } from '../lists';
import type { VerdictKind } from '../verdict';

export function categoryLabel(category: Category): string {
  return t(`category_${category.replaceAll('-', '_')}` as MessageKey);
}

export function publisherTypeLabel(type: Publisher['type']): string {
  return t(`publisherType_${type}` as MessageKey);
}

export function verdictLabel(kind: VerdictKind): string {
  return t(`verdictLabel_${kind}` as MessageKey);
}

// True for http(s) URLs only (lib/domain): the only kind a page may ever navigate to from a list verdict.
export { isWebUrl } from '../domain/web-url';
