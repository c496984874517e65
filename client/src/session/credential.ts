import { eventBase, pathInEvent } from '../net/eventBase.js';

/** The personal join credential of the default event, kept so a reload or a return rejoins without registering again. */
export const CREDENTIAL_KEY = 'lw.credential';

/** Where this page's event keeps its credential: each event of a deployment its own (a link of one gets nowhere in another). */
export function credentialKey(pathname: string = window.location.pathname): string {
  const base = eventBase(pathname);
  return base ? `${CREDENTIAL_KEY}:${base.slice('/e/'.length)}` : CREDENTIAL_KEY;
}

/** The credential in a `/join/<credential>` path (or `/e/<id>/join/<credential>`), or null. */
export function credentialFromPath(pathname: string): string | null {
  const match = /^\/join\/([^/?#]+)\/?$/.exec(pathInEvent(pathname));
  return match ? decodeURIComponent(match[1]!) : null;
}

/** The credential remembered in this browser, or null. */
export function storedCredential(pathname: string = window.location.pathname): string | null {
  try {
    return localStorage.getItem(credentialKey(pathname));
  } catch {
    return null;
  }
}

/** Remember the credential in this browser. */
export function storeCredential(credential: string): void {
  try {
    localStorage.setItem(credentialKey(), credential);
  } catch {
    // Private mode or storage disabled: the join link itself still works.
  }
}

/** Forget the credential (it was refused). */
export function forgetCredential(): void {
  try {
    localStorage.removeItem(credentialKey());
  } catch {
    // nothing to forget
  }
}

/** The credential of this page: the one in a `/join/<credential>` path, else the one this browser remembers. */
export function currentCredential(pathname: string = window.location.pathname): string | null {
  return credentialFromPath(pathname) ?? storedCredential(pathname);
}
