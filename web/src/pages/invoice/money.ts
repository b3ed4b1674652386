// Dollars typed by a person <-> integer cents for the server ("12.5" -> 1250).
export function toCents(text: string): number | null {
  const t = text.trim().replace(/[$,\s]/g, '');
  if (!/^\d+(\.\d{0,2})?$/.test(t)) return null;
  const [whole, frac = ''] = t.split('.');
  return Number(whole) * 100 + Number((frac + '00').slice(0, 2));
}

export function centsText(cents: number): string {
  return (cents / 100).toFixed(2);
}

// 825 basis points -> "8.25".
export function percentText(bp: number): string {
  return String(bp / 100);
}

export function toBasisPoints(text: string): number | null {
  const t = text.trim().replace(/%$/, '');
  if (!/^\d+(\.\d{0,2})?$/.test(t)) return null;
  return Math.round(Number(t) * 100);
}
