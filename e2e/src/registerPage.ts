// Registering through the event page's form, as a person does.
import type { Page } from 'playwright-core';

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

/** The server's answer to the form, as the page received it. */
export interface RegistrationAnswer {
  readonly status: number;
  readonly body: { participantId: string; credential: string; joinUrl: string } & Record<string, unknown>;
}

/** Open the event page at `eventUrl`, fill in the form, press Register; resolves with the answer. */
export async function registerOnEventPage(page: Page, eventUrl: string, details: RegistrationDetails): Promise<RegistrationAnswer> {
  await page.goto(eventUrl);
  await page.getByTestId('register-form').waitFor({ timeout: 30_000 });
  await page.getByLabel(/^Name/).fill(details.name);
  await page.getByLabel(/^Email/).fill(details.email);
  await page.getByLabel(/^Organisation/).fill(details.organisation ?? 'E2E Test Organisation');
  await page.getByLabel(/^Country/).selectOption(details.country);
  await page.getByLabel(/^What describes you best/).selectOption(details.stakeholderType);
  const [first, second] = details.preferences;
  if (first) await page.getByLabel(/^First choice of breakout room/).selectOption(first);
  if (second) await page.getByLabel(/^Second choice/).selectOption(second);
  await page.getByLabel(/^I agree/).check();
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/registrations') && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Register' }).click(),
  ]);
  const text = await response.text();
  let body: RegistrationAnswer['body'];
  try {
    body = JSON.parse(text) as RegistrationAnswer['body'];
  } catch {
    throw new Error(`registration answered ${response.status()} with no JSON: ${text.slice(0, 200)}`);
  }
  return { status: response.status(), body };
}
