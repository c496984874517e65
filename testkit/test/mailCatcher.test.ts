// The mail catcher outlives a client that resets its connection (the bench's registrations of
// 5,000 attendees ended there: smtp-server's unheard 'error' event took the process down).
import { connect } from 'node:net';
import { createTransport } from 'nodemailer';
import { expect, test } from 'vitest';
import { startMailCatcher } from '../src/mail/mailCatcher.js';

test('a connection reset by the client is noted, and the next mail still arrives', async () => {
  const catcher = await startMailCatcher();
  try {
    const { hostname, port } = new URL(catcher.smtpUrl);
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(port), hostname);
      socket.once('error', reject);
      // Reset in the middle of a mail's data: the catcher's side reads ECONNRESET.
      const script = ['EHLO bench\r\n', 'MAIL FROM:<app@example.org>\r\n', 'RCPT TO:<lost@example.org>\r\n', 'DATA\r\n', 'Subject: half a mail\r\n'];
      socket.on('data', () => {
        const line = script.shift();
        if (line) socket.write(line);
        if (script.length === 0) setTimeout(() => {
          socket.resetAndDestroy();
          resolve();
        }, 50);
      });
    });
    await expect.poll(() => catcher.connectionErrors.length).toBeGreaterThan(0);
    await createTransport({ url: catcher.smtpUrl }).sendMail({ from: 'app@example.org', to: 'ada@example.org', subject: 'Your link', text: 'hello' });
    expect((await catcher.next('ada@example.org', 0)).subject).toBe('Your link');
  } finally {
    await catcher.close();
  }
});
