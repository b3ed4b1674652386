import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Mail the servers sent, read from the test SMTP server's file
// (scripts/web-e2e.sh starts it and sets E2E_SMTP_OUT).

const INVITE = /\/invite\/([A-Za-z0-9_-]{43})/;

/** Every invitation link mailed to `to` so far, oldest first. */
function invitationLinksTo(to: string): string[] {
  const file = join(process.env.E2E_SMTP_OUT ?? '', 'messages.jsonl');
  if (!existsSync(file)) return [];
  const out: string[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const m = JSON.parse(line) as { rcpt_tos: string[]; data: string };
    if (!m.rcpt_tos.includes(to)) continue;
    const raw = Buffer.from(m.data, 'base64')
      .toString('utf8')
      .replace(/=\r?\n/g, '');
    const found = INVITE.exec(raw);
    if (found) out.push(`/invite/${found[1]}`);
  }
  return out;
}

/** The `nth` (1-based) invitation link mailed to `to`, once the jobs worker sent it. */
export async function invitationLink(to: string, nth = 1): Promise<string> {
  for (let i = 0; i < 200; i += 1) {
    const links = invitationLinksTo(to);
    const link = links[nth - 1];
    if (link) return link;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`invitation mail ${nth} to ${to} never arrived`);
}
