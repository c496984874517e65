/**
 * This page's correlation id: sent in the socket handshake, on HTTP requests (x-correlation-id)
 * and in every move report, so the server's log lines of this attendee's requests and their move
 * reports can be joined ("I can't get in", traced end to end). One per page load; not personal.
 */
function newCorrelationId(): string {
  const bytes = new Uint8Array(12);
  // getRandomValues works on plain http too (randomUUID needs a secure origin).
  globalThis.crypto.getRandomValues(bytes);
  return `p-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The id of this page (see the file comment). */
export const pageCorrelationId: string = newCorrelationId();

/** The HTTP header the server reads it from. */
export const CORRELATION_HEADER = 'x-correlation-id';
