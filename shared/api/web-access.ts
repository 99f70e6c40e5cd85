/**
 * The web host's per-launch access token. The host prints (and opens) its address as
 * http://127.0.0.1:PORT/#token=…; the page moves the token into sessionStorage, removes it from
 * the address bar, and sends it with every API call in this header. The fragment never reaches the
 * server, a proxy or a log; other local accounts, which can reach the port, never learn it.
 */
export const WEB_TOKEN_HEADER = 'X-Registry-Token';
export const WEB_TOKEN_FRAGMENT = 'token';
export const WEB_TOKEN_STORAGE_KEY = 'registry-access-token';
