/**
 * Firefox's built-in data consent (Firefox 140+): data an extension sends must be declared in the
 * manifest, and data declared as optional may only be sent once the person granted it. Pharmacheck
 * declares what a report carries as optional (lib/reports/data-categories.ts) and asks at "Send",
 * from the click: Firefox shows its own prompt the first time and remembers the answer. Chrome has
 * no such system: there the report form's exact preview and its Send button are the consent.
 */
import { browser } from 'wxt/browser';

type DataPermissions = { data_collection?: string[] };
type PermissionsWithData = { request(p: DataPermissions): Promise<boolean>; contains(p: DataPermissions): Promise<boolean> };

/** Call it first thing in the click handler: Firefox needs the user gesture for its prompt. */
export async function requestDataConsent(categories: readonly string[]): Promise<boolean> {
  if (!import.meta.env.FIREFOX || categories.length === 0) return true;
  const permissions = browser.permissions as unknown as PermissionsWithData;
  return permissions.request({ data_collection: [...categories] });
}
