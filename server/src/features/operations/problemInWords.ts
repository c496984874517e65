/**
 * A failed dependency check said in plain words for a public probe: the kind of failure
 * (refused, timed out, name unknown, login refused), never the raw error text, which may name
 * hosts or carry a library's internals. The raw error goes to the log.
 */
export function problemInWords(what: string, err: unknown): string {
  const code = codeOf(err);
  switch (code) {
    case 'ECONNREFUSED': return `${what} refused the connection (nothing listens there)`;
    case 'ETIMEDOUT': case 'ETIMEOUT': case 'ESOCKET_TIMEOUT': return `${what} did not answer in time`;
    case 'ENOTFOUND': case 'EDNS': case 'EAI_AGAIN': return `${what}: its host name does not resolve`;
    case 'EAUTH': case 'unauthenticated': case 'permission_denied': return `${what} refused our credentials`;
    case 'ECONNRESET': case 'ECONNECTION': return `${what} closed the connection`;
    case 'ETLS': case 'ESTREAM': return `${what}: the secure connection failed`;
    case null: return `${what} failed`;
    default: return `${what} failed (${code})`;
  }
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
