// Phone numbers as people read and dial them. The server stores E.164
// ("+12015550181"); a North American number reads "(201) 555-0181", any
// other stays in E.164, which is how it is dialled from abroad anyway.

export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return '—';
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  if (nanp) return `(${nanp[1]}) ${nanp[2]}-${nanp[3]}`;
  return e164;
}

/** tel: and sms: links take the E.164 form, with nothing but + and digits. */
export function telHref(e164: string): string {
  return `tel:${e164.replace(/[^+\d]/g, '')}`;
}

export function smsHref(e164: string): string {
  return `sms:${e164.replace(/[^+\d]/g, '')}`;
}

/** Navigation to an address: Google Maps, Apple Maps and the phone's own map app (geo:). */
export function mapLinks(address: string): { google: string; apple: string; geo: string } {
  const q = encodeURIComponent(address.replace(/\s+/g, ' ').trim());
  return {
    google: `https://www.google.com/maps/search/?api=1&query=${q}`,
    apple: `https://maps.apple.com/?q=${q}`,
    geo: `geo:0,0?q=${q}`,
  };
}
