// Registering attendees over the HTTP API, the way the event page does: the answers a test leaves
// out are filled in validly, and consent is given to the privacy notice the server's form offers.

/** What `POST /api/registrations` answers. */
export interface RegistrationAnswer {
  participantId: string;
  credential: string;
  joinUrl: string;
  code?: string;
  fieldErrors?: Record<string, string>;
}

/** A complete registration form: what a test leaves out is filled with valid answers. */
export const completeForm = (form: Record<string, unknown>, privacyNoticeVersion: string) => ({
  country: 'BE', stakeholderType: 'other', consent: true, privacyNoticeVersion, preferences: ['skills'], ...form,
});

const noticeVersions = new Map<string, Promise<string>>();

/** The privacy notice version the server's registration form offers (asked once per server URL). */
export function privacyNoticeVersionOf(url: string): Promise<string> {
  let version = noticeVersions.get(url);
  if (!version) {
    version = fetch(`${url}/api/registration/form`).then(async (res) => {
      if (!res.ok) throw new Error(`GET ${url}/api/registration/form answered ${res.status}`);
      return ((await res.json()) as { privacyNoticeVersion: string }).privacyNoticeVersion;
    });
    version.catch(() => noticeVersions.delete(url));
    noticeVersions.set(url, version);
  }
  return version;
}

/** Register an attendee over HTTP (the form's other fields filled in validly); returns the server's answer. */
export async function register(url: string, form: { name: string; email: string; preferences?: string[]; organisation?: string } & Record<string, unknown>) {
  const body = completeForm(form, await privacyNoticeVersionOf(url));
  const res = await fetch(`${url}/api/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as RegistrationAnswer };
}
