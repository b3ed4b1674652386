// The kinds of checklist item (the server's kItemKinds), in words.
export type ItemKind = 'checkbox' | 'number' | 'pass_fail' | 'text' | 'photo' | 'signature';

export const KIND_LABELS: Record<ItemKind, string> = {
  checkbox: 'A tick',
  number: 'A number (e.g. gallons pumped)',
  pass_fail: 'Pass or fail',
  text: 'A note',
  photo: 'A photo',
  signature: "The customer's signature",
};

export const KIND_OPTIONS = Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }));
