// Registers simulated attendees through the public registration endpoint, like people would:
// the form's choices (countries, privacy notice version…) come from the server's form endpoint,
// the join link from the mail the server sends, and following it admits the attendee.
import { joinLinkOf, type Mail, type MailReader } from '@live-workshop/testkit';
import type { ClientSpec } from './protocol.js';

const REGISTRATIONS_IN_FLIGHT = 16;

interface FormInfo {
  countries?: { code: string }[];
  stakeholderTypes?: { id: string }[];
  privacyNoticeVersion: string;
}

/** The fields every registration carries besides name, email and preferences, as the form offers them. */
async function formDefaults(serverUrl: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${serverUrl}/api/registration/form`);
  if (!res.ok) throw new Error(`the registration form did not load: ${res.status} ${await res.text()}`);
  const info = (await res.json()) as FormInfo;
  return {
    country: info.countries?.find((c) => c.code === 'BE')?.code ?? info.countries?.[0]?.code ?? 'BE',
    stakeholderType: info.stakeholderTypes?.[0]?.id ?? 'other',
    consent: true,
    privacyNoticeVersion: info.privacyNoticeVersion,
  };
}

/**
 * POST JSON, retrying network errors (a kept-alive connection the server closed as we reused it):
 * registering the same email again is harmless: the same person is mailed again.
 */
async function post(url: string, body: unknown, attempts = 4, headers: Record<string, string> = {}): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    } catch (err) {
      if (attempt >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

/** Registrations of one address, at most, while its link does not arrive. */
const REGISTRATION_ATTEMPTS = 3;

/**
 * Register and wait for the mail with the link. A mail the server could not deliver (it logs
 * "join link mail failed"; seen under heavy load) is registered again, as a person would do
 * when no link arrives: the form mails the same address a fresh link.
 */
async function registerUntilMailed(serverUrl: string, mail: MailReader, body: { email: string } & Record<string, unknown>, onRetry?: (email: string, err: unknown) => void): Promise<Mail> {
  for (let attempt = 1; ; attempt++) {
    const before = await mail.count(body.email);
    const res = await post(`${serverUrl}/api/registrations`, body);
    if (res.status !== 202) throw new Error(`registration of ${body.email} failed: ${res.status} ${await res.text()}`);
    try {
      return await mail.next(body.email, before);
    } catch (err) {
      if (attempt >= REGISTRATION_ATTEMPTS) throw err;
      onRetry?.(body.email, err);
    }
  }
}

/** Register `count` attendees named `<prefix>-<i>`, their breakout chosen by `breakoutOf(i)`. */
export async function registerAttendees(
  serverUrl: string, mail: MailReader, count: number, opts: { prefix: string; breakoutOf: (i: number) => string; onProgress?: (done: number) => void; onRetry?: (email: string, err: unknown) => void },
): Promise<ClientSpec[]> {
  const defaults = await formDefaults(serverUrl);
  const specs: ClientSpec[] = new Array(count);
  let next = 0;
  let done = 0;
  await Promise.all(Array.from({ length: Math.min(REGISTRATIONS_IN_FLIGHT, count) }, async () => {
    while (next < count) {
      const i = next++;
      const breakoutId = opts.breakoutOf(i);
      const email = `${opts.prefix}-${i}@bench.example.org`;
      const credential = joinLinkOf(await registerUntilMailed(serverUrl, mail, { ...defaults, name: `${opts.prefix} ${i}`, email, preferences: [breakoutId] }, opts.onRetry)).split('/join/')[1]!;
      const confirmed = await post(`${serverUrl}/api/me/confirm`, {}, 4, { authorization: `Bearer ${credential}` });
      if (!confirmed.ok) throw new Error(`following the join link of registration ${i} failed: ${confirmed.status} ${await confirmed.text()}`);
      const body = (await confirmed.json()) as { participantId: string };
      specs[i] = { id: body.participantId, credential, breakoutId };
      opts.onProgress?.(++done);
    }
  }));
  return specs;
}
