export { actionApi, badgeLook, showBadge } from './badge';
export type { BadgeLook } from './badge';
export { ensureBundledLists } from './bundled';
export { ProtectionService, urlToCheck } from './service';
