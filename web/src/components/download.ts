import { authFetch } from '../api/client';
import { NetworkError, toApiError } from '../api/errors';

/**
 * Downloads a file from the API with the signed-in session (the token is in memory, so a plain link would arrive
 * without it): fetches, then saves the body under the server's file name (Content-Disposition) or `fallbackName`.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const response = await authFetch(new Request(new URL(path, window.location.origin)));
  if (!response.ok) {
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    throw toApiError(response.status, body);
  }
  let blob: Blob;
  try {
    blob = await response.blob();
  } catch {
    throw new NetworkError();
  }
  const named = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') ?? '')?.[1];
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = named ?? fallbackName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
