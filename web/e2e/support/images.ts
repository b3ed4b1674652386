// Pictures for upload tests, made here (no files in the repository).

/** A 2 x 2 PNG: the server re-encodes it and makes a thumbnail. */
export function tinyPng(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGM4YWQERAwQCgAjNgSxRnwWMwAAAABJRU5ErkJggg==',
    'base64',
  );
}
