// What `npm start` prepares on a fresh clone: every part the server starts by default, and only those.
// (A fresh clone's `npm start` crashed with "mailpit: not found": only `npm test` built Mailpit.)
import { describe, expect, test } from 'vitest';
import { prepareStart, type StartParts } from '../lib/startSteps.mjs';

/** Parts that record which were asked for, as a fresh clone would build them. */
function freshClone() {
  const asked: string[] = [];
  const parts: StartParts = {
    npmDependencies: async () => void asked.push('npm'),
    clientBuild: async () => void asked.push('client'),
    liveKit: async () => (asked.push('livekit'), { kind: 'binary', path: '/clone/.cache/livekit/bin/livekit-server' }),
    mailpit: async () => (asked.push('mailpit'), '/clone/.cache/mailpit/bin/mailpit'),
  };
  return { asked, parts };
}

describe('npm start on a fresh clone', () => {
  test('with no settings it installs and builds everything, LiveKit and Mailpit too, and tells the server where they are', async () => {
    const { asked, parts } = freshClone();
    const env = await prepareStart({}, parts);
    expect(asked).toEqual(['npm', 'client', 'livekit', 'mailpit']);
    expect(env).toEqual({ LIVEKIT_BINARY: '/clone/.cache/livekit/bin/livekit-server', MAILPIT_BINARY: '/clone/.cache/mailpit/bin/mailpit' });
  });

  test('an external LiveKit and SMTP server: neither local one is built', async () => {
    const { asked, parts } = freshClone();
    const env = await prepareStart({ LIVEKIT_URL: 'wss://livekit.example.org', SMTP_URL: 'smtp://mail.example.org:587' }, parts);
    expect(asked).toEqual(['npm', 'client']);
    expect(env).toEqual({});
  });

  test('a Mailpit already named by MAILPIT_BINARY is used as it is', async () => {
    const { asked, parts } = freshClone();
    expect(await prepareStart({ LIVEKIT_URL: 'ws://127.0.0.1:7880', MAILPIT_BINARY: '/opt/mailpit' }, parts)).toEqual({});
    expect(asked).not.toContain('mailpit');
  });
});
