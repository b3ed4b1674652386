// The server sets a readable `csrf_token` cookie next to the HttpOnly session
// cookie; echoing it in X-CSRF-Token proves the request came from our own
// pages (another site can neither read the cookie nor set the header).
export const CSRF_COOKIE = 'csrf_token';
export const CSRF_HEADER = 'X-CSRF-Token';

export function readCsrfToken(cookieString: string = document.cookie): string | null {
  for (const part of cookieString.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== CSRF_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return value === '' ? null : decodeURIComponent(value);
  }
  return null;
}

/** Methods that change state and so must carry the token. */
export function needsCsrf(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}
