/**
 * The sites Pharmacheck needs access to: every http(s) site, since any of them may be listed.
 * Equal to the manifest's host_permissions (tests/package/manifest.test.ts checks both builds).
 * No imports, so the build configuration and Node tests can read it.
 */
export const SITE_ORIGINS: readonly string[] = ['http://*/*', 'https://*/*'];
