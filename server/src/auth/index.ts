export { ownerOf, requireRole } from './guard';
export { actorName, createToken, listTokens, revokeToken, roleSchema, ROLES, verifyToken } from './tokens';
export type { CreatedToken, Role, TokenCheck, TokenOwner, TokenSummary } from './tokens';
