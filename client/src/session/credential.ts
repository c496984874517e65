/** The personal join credential, kept so a reload or a return rejoins without registering again. */
export const CREDENTIAL_KEY = 'lw.credential';

/** The credential in a `/join/<credential>` path, or null. */
export function credentialFromPath(pathname: string): string | null {
  const match = /^\/join\/([^/?#]+)\/?$/.exec(pathname);
  return match ? decodeURIComponent(match[1]!) : null;
}

/** The credential remembered in this browser, or null. */
export function storedCredential(): string | null {
  try {
    return localStorage.getItem(CREDENTIAL_KEY);
  } catch {
    return null;
  }
}

/** Remember the credential in this browser. */
export function storeCredential(credential: string): void {
  try {
    localStorage.setItem(CREDENTIAL_KEY, credential);
  } catch {
    // Private mode or storage disabled: the join link itself still works.
  }
}

/** Forget the credential (it was refused). */
export function forgetCredential(): void {
  try {
    localStorage.removeItem(CREDENTIAL_KEY);
  } catch {
    // nothing to forget
  }
}

/** The credential of this page: the one in a `/join/<credential>` path, else the one this browser remembers. */
export function currentCredential(pathname: string = window.location.pathname): string | null {
  return credentialFromPath(pathname) ?? storedCredential();
}
