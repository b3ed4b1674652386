import { askForStepUp, buildPath, toApiError } from './client';

// A file the server makes on request (the audit log's CSV or JSON Lines):
// fetched with the session like any API call, so an error (a step-up the
// server asks for, a bad filter) is an ApiError the page can show, and then
// handed to the browser as a download.
export async function downloadFile(
  path: string,
  query: Record<string, string | number | undefined>,
  fallbackName: string,
): Promise<void> {
  const get = () =>
    fetch(buildPath(`/api/v1${path}`, query), {
      credentials: 'same-origin',
      cache: 'no-store',
      redirect: 'error',
    });
  let response = await get();
  if (!response.ok) {
    const error = await toApiError(response);
    // An export needs a fresh second factor: ask once, then try once more.
    if (error.reason !== 'step_up_required' || !(await askForStepUp())) throw error;
    response = await get();
    if (!response.ok) throw await toApiError(response);
  }
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
