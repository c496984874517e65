/** Presenting's requests to the server: turn the slides, post a talk-back line, upload a deck. */
import type { SlidesState } from '@live-workshop/shared';
import { EVENTS } from '@live-workshop/shared/pure';
import { ApiError } from '../../net/api.js';
import { currentCredential } from '../../session/credential.js';
import { refusalWords, type RequestResult } from '../../session/refusals.js';
import { request } from '../../session/socket.js';
import { setNotice } from '../../session/store/actions.js';
import { applySlides } from '../../session/store/presentingActions.js';
import { eventPath } from '../../net/eventBase.js';

/** Turn the slides to a page; a refusal is shown in words. */
export async function showSlide(deckId: string, page: number): Promise<RequestResult<SlidesState>> {
  const result = await request(EVENTS.slidesShow, { deckId, page });
  if (result.ok) applySlides(result.data);
  else setNotice({ kind: 'error', text: refusalWords(result) });
  return result;
}

/** A backstage line to the item's speakers and the moderators. */
export function sendTalkback(text: string): Promise<RequestResult<{ id: number }>> {
  return request(EVENTS.talkbackSend, { text });
}

const authorization = (): Record<string, string> => {
  const credential = currentCredential();
  return credential ? { authorization: `Bearer ${credential}` } : {};
};

/** Upload a PDF as the slides everyone sees; the server's refusal (type, size, pages) comes back as an ApiError in words. */
export async function uploadSlides(file: File): Promise<SlidesState> {
  let response: Response;
  try {
    response = await fetch(eventPath('/api/slides'), {
      method: 'POST', body: file, headers: { 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent(file.name), ...authorization() },
    });
  } catch {
    throw new ApiError(0, 'network', 'Could not reach the workshop server. Check your connection and try again.');
  }
  const body = (await response.json().catch(() => null)) as (SlidesState & { code?: string; message?: string }) | null;
  if (!response.ok) throw new ApiError(response.status, body?.code ?? 'internal', body?.message ?? `The server answered ${response.status}.`);
  applySlides(body!);
  return body!;
}

/** Where a deck's PDF is read from, with the headers that let us read it. */
export const deckSource = (deckId: string) => ({ url: eventPath(`/api/slides/${encodeURIComponent(deckId)}.pdf`), httpHeaders: authorization() });
