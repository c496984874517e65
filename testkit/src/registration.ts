// Registering attendees the way a person does: the form over the HTTP API (the answers a test
// leaves out filled in validly, consent given to the privacy notice the server's form offers), the
// join link read from the mail that arrives over SMTP, and the link followed (which confirms the
// address and admits them).
import { joinLinkOf, mailReaderOf, type MailReader } from './mail/mailReader.js';

/** A registration through the mail path: who it made, or the server's refusal (code, fieldErrors). */
export interface RegistrationAnswer {
  participantId: string;
  credential: string;
  joinUrl: string;
  code?: string;
  message?: string;
  fieldErrors?: Record<string, string>;
}

/** What `register` led to. */
export interface Registered {
  /** The registration's answer: 202 "check your inbox" when the form was taken. */
  readonly status: number;
  /** The answer to following the mailed link (absent when the form was refused). */
  readonly confirmStatus?: number;
  readonly body: RegistrationAnswer;
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

/**
 * Register an attendee: post the form, take the join link from the mail to that address, follow it.
 * `mail` defaults to the inbox recorded for `url` by whoever started the app; `privacyNoticeVersion`
 * to the one the server's form offers.
 */
export async function register(
  url: string,
  form: { name: string; email: string; preferences?: string[]; organisation?: string } & Record<string, unknown>,
  opts: { mail?: MailReader; privacyNoticeVersion?: string } = {},
): Promise<Registered> {
  const mail = opts.mail ?? mailReaderOf(url);
  const email = String(form.email).trim().toLowerCase();
  const before = await mail.count(email);
  const body = completeForm(form, opts.privacyNoticeVersion ?? await privacyNoticeVersionOf(url));
  const res = await fetch(`${url}/api/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = (await res.json()) as RegistrationAnswer;
  if (res.status !== 202) return { status: res.status, body: answer };
  const joinUrl = joinLinkOf(await mail.next(email, before));
  const credential = joinUrl.split('/join/')[1]!;
  const confirmed = await fetch(`${url}/api/me/confirm`, { method: 'POST', headers: { authorization: `Bearer ${credential}` } });
  return { status: res.status, confirmStatus: confirmed.status, body: { ...((await confirmed.json()) as RegistrationAnswer), credential, joinUrl } };
}
