/**
 * Host names the end-to-end tests visit. LISTED and LISTED_TOO are entries of the bundled community
 * list (data/lists/community-rogue-pharmacies.json; tests/data/default-list.test.ts checks they
 * still are); UNLISTED is on no list. The browser maps every name to the local site server.
 */
export const LISTED = '1-pharm.com';
export const LISTED_TOO = '0rx.ru';
export const UNLISTED = 'safe-pharmacy.example';
