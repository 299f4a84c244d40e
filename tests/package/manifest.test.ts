/**
 * What each built package asks for and allows: the documented permissions and nothing more, the
 * same in Chrome and Firefox; a strict content security policy; only the warning page exposed to
 * web sites; icons at every size the stores ask for; Firefox's id, minimum version and data
 * declaration in the Firefox package only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEATURES_SCRIPT, NOTICE_SCRIPT } from '../../lib/protection/page-look';
import { SITE_ORIGINS } from '../../lib/platform/origins';
import { BUILD_DIRS, BUILD_NAMES, pngSize, readManifest } from './support/builds';
import { findUnsafeHtml } from './support/unsafe-code';

const STORE_ICON_SIZES = ['16', '32', '48', '96', '128'];

/** The permissions docs/privacy.md explains, from its table (first column, in backticks). */
function documentedPermissions(): string[] {
  const doc = readFileSync('docs/privacy.md', 'utf8');
  const section = doc.slice(doc.indexOf('## Permissions'), doc.indexOf('\n## ', doc.indexOf('## Permissions') + 1));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...line.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
}

function cspDirectives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).filter((words) => words[0]).map(([name, ...values]) => [name!, values]));
}

describe.each(BUILD_NAMES)('the %s package', (build) => {
  const manifest = readManifest(build);
  const dir = BUILD_DIRS[build];

  it('is Manifest V3', () => {
    expect(manifest.manifest_version).toBe(3);
  });

  it('asks for exactly the permissions docs/privacy.md explains', () => {
    const asked = [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? [])].sort();
    expect(asked).toEqual(documentedPermissions().sort());
    expect(manifest.host_permissions).toEqual([...SITE_ORIGINS]);
    expect(manifest.optional_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toBeUndefined();
  });

  it('declares no content script: the caution verdict’s scripts are injected only where a look calls for them', () => {
    expect(manifest.content_scripts ?? []).toEqual([]);
    // The files lib/protection/page-look.ts injects are in the package, at the paths it names.
    expect(existsSync(join(dir, FEATURES_SCRIPT.slice(1)))).toBe(true);
    expect(existsSync(join(dir, NOTICE_SCRIPT.slice(1)))).toBe(true);
  });

  it('takes no messages from web sites', () => {
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toEqual([{ resources: ['warning.html'], matches: [...SITE_ORIGINS] }]);
  });

  it('runs every extension page under a strict content security policy', () => {
    const policy: string = manifest.content_security_policy?.extension_pages ?? '';
    const directives = cspDirectives(policy);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    // None: a listed site's frame is sent to the warning page, which must show there; inside a
    // frame it has nothing to click (lib/ui/FrameNotice.tsx), and it is the only page sites can load.
    expect(directives.has('frame-ancestors')).toBe(false);
    expect(policy).not.toMatch(/unsafe-|blob:|\*/);
    expect(manifest.content_security_policy.sandbox).toBeUndefined();
  });

  it('has pages that load only their own scripts', () => {
    const pages = readdirSync(dir).filter((f) => f.endsWith('.html'));
    expect(pages).toEqual(expect.arrayContaining(['popup.html', 'warning.html', 'options.html']));
    expect(pages.flatMap((page) => findUnsafeHtml(readFileSync(join(dir, page), 'utf8')))).toEqual([]);
  });

  it.each(STORE_ICON_SIZES)('has a %s px icon', (size) => {
    const file = manifest.icons?.[size];
    expect(file).toBeTypeOf('string');
    expect(pngSize(readFileSync(join(dir, file)))).toEqual({ width: Number(size), height: Number(size) });
  });

  it('gives the toolbar button its icon and a translated tooltip', () => {
    expect(manifest.action?.default_title).toBe('__MSG_actionTitle__');
    const icons: Record<string, string> = manifest.action?.default_icon ?? {};
    expect(Object.keys(icons).sort()).toEqual(['16', '32']);
    for (const file of Object.values(icons)) expect(existsSync(join(dir, file))).toBe(true);
  });
});

describe('the two packages', () => {
  it('ask for the same permissions and apply the same policy', () => {
    const [chrome, firefox] = BUILD_NAMES.map(readManifest);
    expect(firefox!.permissions).toEqual(chrome!.permissions);
    expect(firefox!.host_permissions).toEqual(chrome!.host_permissions);
    expect(firefox!.content_security_policy).toEqual(chrome!.content_security_policy);
  });

  it('carry Firefox settings in the Firefox package only', () => {
    expect(readManifest('chrome').browser_specific_settings).toBeUndefined();
    const gecko = readManifest('firefox').browser_specific_settings?.gecko;
    expect(gecko.id).toMatch(/^[a-z0-9.-]+@[a-z0-9.-]+$/);
    expect(Number.parseInt(gecko.strict_min_version, 10)).toBeGreaterThanOrEqual(140);
    // Protection collects nothing; a report carries what lib/reports/data-categories.ts names, as
    // optional data that the report form asks Firefox for (docs/privacy.md).
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'], optional: ['browsingActivity', 'personalCommunications', 'personallyIdentifyingInfo', 'websiteContent'] });
  });
});
