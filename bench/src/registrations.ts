// Registers simulated attendees through the public registration endpoint, like people would:
// the form's choices (countries, privacy notice version…) come from the server's form endpoint.
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
 * registering the same email again is harmless, it answers with the same person.
 */
async function post(url: string, body: unknown, attempts = 4): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    } catch (err) {
      if (attempt >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

/** Register `count` attendees named `<prefix>-<i>`, their breakout chosen by `breakoutOf(i)`. */
export async function registerAttendees(
  serverUrl: string, count: number, opts: { prefix: string; breakoutOf: (i: number) => string; onProgress?: (done: number) => void },
): Promise<ClientSpec[]> {
  const defaults = await formDefaults(serverUrl);
  const specs: ClientSpec[] = new Array(count);
  let next = 0;
  let done = 0;
  await Promise.all(Array.from({ length: Math.min(REGISTRATIONS_IN_FLIGHT, count) }, async () => {
    while (next < count) {
      const i = next++;
      const breakoutId = opts.breakoutOf(i);
      const res = await post(`${serverUrl}/api/registrations`, { ...defaults, name: `${opts.prefix} ${i}`, email: `${opts.prefix}-${i}@bench.example.org`, preferences: [breakoutId] });
      if (!res.ok) throw new Error(`registration ${i} failed: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { participantId: string; credential: string };
      specs[i] = { id: body.participantId, credential: body.credential, breakoutId };
      opts.onProgress?.(++done);
    }
  }));
  return specs;
}
