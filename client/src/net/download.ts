/** Downloads that need the personal credential: fetched with the Bearer header, then saved through a Blob URL. */
import { ApiError, bearer } from './api.js';
import { eventPath } from './eventBase.js';

/** The file name a Content-Disposition header gives, or null. */
export function fileNameOf(contentDisposition: string | null): string | null {
  if (!contentDisposition) return null;
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(contentDisposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(contentDisposition);
  return plain ? plain[1]!.trim() : null;
}

/** Hand a blob to the browser as a file download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The click has started the download; the URL is no longer needed once it has been read.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Fetch a file with the credential and save it; returns the file name. Refusals throw ApiError in the server's words. */
export async function downloadSigned(path: string, credential: string, fallbackName: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(eventPath(path), { headers: bearer(credential) });
  } catch {
    throw new ApiError(0, 'network', 'Could not reach the workshop server. Check your connection and try again.');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { code?: unknown; message?: unknown } | null;
    throw new ApiError(
      response.status,
      typeof body?.code === 'string' ? body.code : 'internal',
      typeof body?.message === 'string' ? body.message : `The server answered ${response.status}.`,
    );
  }
  const name = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName;
  saveBlob(await response.blob(), name);
  return name;
}
