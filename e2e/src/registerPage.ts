// Registering through the event page's form, as a person does: fill it in, see "check your
// inbox", take the join link from the mail that arrived over SMTP. Opening the link is the
// caller's next step (it confirms the address and lets the person in).
import type { BrowserContext, Page } from 'playwright-core';
import { joinLinkOf, waitFor, type Mail, type MailReader } from '@live-workshop/testkit';

/** What a person types into the registration form. */
export interface RegistrationDetails {
  readonly name: string;
  readonly email: string;
  readonly organisation?: string;
  /** ISO country code of the country list. */
  readonly country: string;
  /** A value of "What describes you best". */
  readonly stakeholderType: string;
  /** Breakout ids: first and (optional) second choice. */
  readonly preferences: readonly string[];
}

/** What registering led to: the server's answer to the form, and the link the mail carried. */
export interface RegistrationAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
  /** The join link from the mail (empty when the form was refused). */
  readonly joinUrl: string;
  readonly credential: string;
  /** Who the link belongs to (the credential's subject). */
  readonly participantId: string;
}

/** The participant a join credential belongs to (its JWT subject). */
export function participantOf(credential: string): string {
  const payload = credential.split('.')[1] ?? '';
  return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub: string }).sub;
}

/**
 * Open the event page at `eventUrl`, fill in the form, press Register, see "Check your inbox", and
 * read the join link from the mail to that address in `inbox`.
 */
export async function registerOnEventPage(page: Page, eventUrl: string, details: RegistrationDetails, inbox: MailReader): Promise<RegistrationAnswer> {
  const email = details.email.toLowerCase();
  const before = await inbox.count(email);
  await page.goto(eventUrl);
  const form = page.getByTestId('register-form');
  await form.waitFor({ timeout: 30_000 });
  // By the fields' names, so a page in any language is filled in the same way.
  const field = (name: string) => form.locator(`[name="${name}"]`);
  await field('name').fill(details.name);
  await field('email').fill(details.email);
  await field('organisation').fill(details.organisation ?? 'E2E Test Organisation');
  await field('country').selectOption(details.country);
  await field('stakeholderType').selectOption(details.stakeholderType);
  const [first, second] = details.preferences;
  if (first) await field('first').selectOption(first);
  if (second) await field('second').selectOption(second);
  await field('consent').check();
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/registrations') && r.request().method() === 'POST'),
    form.locator('button[type="submit"]').click(),
  ]);
  const text = await response.text();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error(`registration answered ${response.status()} with no JSON: ${text.slice(0, 200)}`);
  }
  if (response.status() !== 202) return { status: response.status(), body, joinUrl: '', credential: '', participantId: '' };
  await page.getByTestId('registration-done').waitFor();
  const joinUrl = joinLinkOf(await inbox.next(email, before));
  const credential = decodeURIComponent(joinUrl.split('/join/')[1]!);
  return { status: response.status(), body, joinUrl, credential, participantId: participantOf(credential) };
}

/**
 * A Mailpit inbox read the way a person reads webmail: in a tab of their own browser (so it works
 * wherever that browser runs, e.g. inside a test host), through the inbox's own API.
 */
export async function mailpitInBrowser(context: BrowserContext, inboxUrl: string): Promise<MailReader & { close(): Promise<void> }> {
  const tab = await context.newPage();
  await tab.goto(inboxUrl);
  const mailsTo = (address: string) => tab.evaluate(async (to: string): Promise<Mail[]> => {
    const list = (await (await fetch(`/api/v1/search?query=${encodeURIComponent(`to:"${to}"`)}`)).json()) as { messages: { ID: string; Subject: string; To: { Address: string }[] }[] };
    const mine = list.messages.filter((m) => m.To.some((t) => t.Address.toLowerCase() === to)).reverse();
    return Promise.all(mine.map(async (m) => {
      const full = (await (await fetch(`/api/v1/message/${m.ID}`)).json()) as { Text: string };
      return { to: m.To.map((t) => t.Address.toLowerCase()), subject: m.Subject, text: full.Text };
    }));
  }, address.toLowerCase());
  return {
    count: async (address) => (await mailsTo(address)).length,
    next: (address, already) => waitFor(async () => (await mailsTo(address))[already], { timeoutMs: 30_000, intervalMs: 100, what: `mail ${already + 1} to ${address} in ${inboxUrl}` }),
    close: () => tab.close(),
  };
}
