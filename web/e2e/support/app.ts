import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Account } from './env';

/** Signs in through the login form, the way a person does. */
export async function signIn(page: Page, account: Account, startAt = '/'): Promise<void> {
  await page.goto(startAt);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Bulwark' })).toBeVisible();
}

/** Opens a page from the main navigation (the phone layout hides it behind "Menu"). */
export async function openNav(page: Page, name: string): Promise<void> {
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) await menu.click();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name, exact: true })
    .click();
}

const SHOTS = path.join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

/** Full-page screenshot kept as a run artifact (web/test-results/screenshots). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true, scale: 'css' });
}

/**
 * A signed-in API client for set-up and checks. It sends the session cookie
 * and CSRF header itself (from the login response) rather than relying on a
 * cookie jar, so it behaves the same over http://127.0.0.1.
 */
export class ApiSession {
  constructor(
    readonly request: APIRequestContext,
    readonly session: string,
    readonly csrf: string,
  ) {}

  static async login(request: APIRequestContext, account: Account): Promise<ApiSession> {
    const res = await request.post('/api/v1/auth/login', {
      data: { email: account.email, password: account.password },
    });
    expect(res.status(), await res.text()).toBe(200);
    const session = cookieFrom(res.headersArray(), '__Host-session');
    const csrf = cookieFrom(res.headersArray(), 'csrf_token');
    if (!session || !csrf) throw new Error('login did not set the session cookies');
    return new ApiSession(request, session, csrf);
  }

  headers(withCsrf = true): Record<string, string> {
    const h: Record<string, string> = {
      Cookie: `__Host-session=${this.session}; csrf_token=${this.csrf}`,
    };
    if (withCsrf) h['X-CSRF-Token'] = this.csrf;
    return h;
  }

  async get<T>(path: string): Promise<T> {
    const res = await this.request.get(`/api/v1${path}`, { headers: this.headers(false) });
    expect(res.status(), `GET ${path}: ${await res.text()}`).toBe(200);
    return (await res.json()) as T;
  }

  async post<T>(path: string, data: unknown = {}): Promise<T> {
    const res = await this.request.post(`/api/v1${path}`, { headers: this.headers(), data });
    expect(res.status(), `POST ${path}: ${await res.text()}`).toBeLessThan(300);
    return (res.status() === 204 ? undefined : await res.json()) as T;
  }

  async patch<T>(path: string, data: unknown): Promise<T> {
    const res = await this.request.patch(`/api/v1${path}`, { headers: this.headers(), data });
    expect(res.status(), `PATCH ${path}: ${await res.text()}`).toBe(200);
    return (await res.json()) as T;
  }

  /** Any request, for checking refusals: returns the status and the parsed body. */
  async send(
    method: string,
    path: string,
    data?: unknown,
  ): Promise<{ status: number; body: unknown }> {
    const res = await this.request.fetch(`/api/v1${path}`, {
      method,
      headers: this.headers(method !== 'GET'),
      ...(data === undefined ? {} : { data }),
    });
    const text = await res.text();
    return { status: res.status(), body: text ? (JSON.parse(text) as unknown) : undefined };
  }
}

export function cookieFrom(
  headers: { name: string; value: string }[],
  name: string,
): string | null {
  for (const h of headers) {
    if (h.name.toLowerCase() !== 'set-cookie') continue;
    if (!h.value.startsWith(`${name}=`)) continue;
    const value = h.value.slice(name.length + 1).split(';')[0];
    if (value) return value;
  }
  return null;
}

export function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}
