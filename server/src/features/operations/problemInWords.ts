import { message, renderMessage, type Message, type MessageValue } from '@live-workshop/shared';
import { wordsFor } from '../../platform/i18n.js';

/**
 * A failed dependency check said in plain words for a public probe: the kind of failure
 * (refused, timed out, name unknown, login refused), never the raw error text, which may name
 * hosts or carry a library's internals. The raw error goes to the log.
 */
export function problemInWords(what: string, err: unknown): string {
  return renderMessage(wordsFor('en').t, problemMessage(what, err));
}

/** Keys of `check.problem.*` by error code: the same kinds as problemInWords, for a reader's language. */
const PROBLEM_KEYS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'refused', ETIMEDOUT: 'timeout', ETIMEOUT: 'timeout', ESOCKET_TIMEOUT: 'timeout',
  ENOTFOUND: 'dns', EDNS: 'dns', EAI_AGAIN: 'dns', EAUTH: 'auth', unauthenticated: 'auth', permission_denied: 'auth',
  ECONNRESET: 'reset', ECONNECTION: 'reset', ETLS: 'tls', ESTREAM: 'tls',
};

/** problemInWords as a message to translate where it is read (`what` names the other side). */
export function problemMessage(what: MessageValue, err: unknown): Message {
  const code = codeOf(err);
  if (code === null) return message('check.problem.failed', { what });
  const kind = PROBLEM_KEYS[code];
  return kind ? message(`check.problem.${kind}`, { what }) : message('check.problem.failedCode', { what, code });
}

/** The operating system's reason a connection failed, as socket errors name it ("connect ECONNREFUSED …"). */
const SOCKET_CODE = /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN)\b/;

/**
 * The most specific code of an error or of its cause (fetch wraps socket errors as `cause`;
 * nodemailer says ESOCKET and keeps the socket's reason only in its message).
 */
function codeOf(err: unknown): string | null {
  let found: string | null = null;
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    // An HTTP API's refusal of our key (LiveKit's room API answers 401 to a wrong secret).
    const status = (e as { status?: unknown }).status;
    if (status === 401 || status === 403) return 'unauthenticated';
    const code = (e as { code?: unknown }).code;
    const message = (e as { message?: unknown }).message;
    const socket = typeof message === 'string' ? SOCKET_CODE.exec(message)?.[1] : undefined;
    if (socket) return socket;
    if (!found && typeof code === 'string' && /^[A-Za-z_]{2,40}$/.test(code)) found = code;
  }
  return found;
}
