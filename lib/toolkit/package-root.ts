/**
 * The toolkit's package root, for the few files it reads at run time (its message catalogues, the
 * bundled community list): this module sits two levels down both in a checkout (lib/toolkit/) and
 * in the npm package, where the build bundles it into dist/toolkit/pharmacheck.js, so the same
 * relative URL finds the root in both.
 */
export const PACKAGE_ROOT = new URL('../../', import.meta.url);

export const packageFile = (path: string): URL => new URL(path, PACKAGE_ROOT);
