import { CSRF_HEADER, readCsrfToken } from './csrf';
import { toApiError } from './client';
import { ApiError } from './errors';

// File uploads: multipart/form-data (the browser writes the boundary), with
// the CSRF token like every other change. The server scans and type-checks
// every file (MUST-007); these are its refusals in words for a person.
export async function uploadFile<T>(
  path: string,
  form: FormData,
  method: 'POST' | 'PUT' = 'POST',
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = readCsrfToken();
  if (token) headers[CSRF_HEADER] = token;
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    body: form,
    credentials: 'same-origin',
    cache: 'no-store',
    redirect: 'error',
  });
  if (response.ok) return (await response.json()) as T;
  throw await toApiError(response);
}

const UPLOAD_MESSAGES: Record<string, string> = {
  malware_detected: 'The virus scanner refused this file. It was not saved.',
  unsupported_type: 'Only photos (JPEG, PNG, WebP, HEIC) and PDF files can be attached.',
  scanner_unavailable:
    'Files cannot be checked for viruses right now, so they cannot be attached. Try again later.',
  image_too_large: 'This picture is too large (over 40 megapixels). Take a smaller one.',
  file_too_large: 'This file is too large to attach.',
};

/** A refused upload in words: 413, 415, 422 and 503 each say what to do. */
export function uploadErrorMessage(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.reason && UPLOAD_MESSAGES[error.reason]) return UPLOAD_MESSAGES[error.reason];
  if (error.status === 413) return UPLOAD_MESSAGES.file_too_large;
  return undefined;
}
