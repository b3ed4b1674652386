import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A stand-in for an attacker's web site: a tiny HTTP server on another port
// (so another origin) serving pages that try to change data in Bulwark with
// the victim's browser. Inline scripts are fine here: it is not our site.

export interface EvilSite {
  port: number;
  close: () => Promise<void>;
}

function page(body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Win a prize</title></head><body>${body}</body></html>`;
}

export async function startEvilSite(bulwarkBase: string): Promise<EvilSite> {
  const target = `${bulwarkBase}/api/v1/customers`;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://evil');
    const marker = url.searchParams.get('marker') ?? 'CSRF-MARKER';
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    if (url.pathname === '/form') {
      // A classic CSRF: an auto-submitting form whose text/plain body is valid JSON.
      const field = JSON.stringify(`{"name":"${marker}","notes":"`)
        .slice(1, -1)
        .replace(/"/g, '&quot;');
      res.end(
        page(`<form id="f" method="POST" action="${target}" enctype="text/plain">
                <input type="hidden" name="${field}" value='"}'>
              </form>
              <script>document.getElementById('f').submit();</script>`),
      );
      return;
    }
    if (url.pathname === '/fetch') {
      // Cross-origin fetches with the victim's cookies: a "simple" request
      // (no preflight) and a JSON one that even guesses a CSRF header.
      res.end(
        page(`<script>
          (async () => {
            const body = JSON.stringify({ name: ${JSON.stringify(marker)} });
            try { await fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body }); } catch (e) {}
            try { await fetch(${JSON.stringify(target)}, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'guess' }, body }); } catch (e) {}
            document.title = 'done';
          })();
        </script>`),
      );
      return;
    }
    res.statusCode = 404;
    res.end(page('nothing here'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
