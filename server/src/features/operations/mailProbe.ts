import nodemailer from 'nodemailer';
import { CHECK_TIMEOUT_MS } from './readiness.js';
import type { MailProbe } from './readiness.js';

/** A transport of its own for checking SMTP_URL, with short timeouts (the mailer's are minutes long). */
export function createMailProbe(smtpUrl: string): MailProbe {
  const transport = nodemailer.createTransport({
    url: smtpUrl, connectionTimeout: CHECK_TIMEOUT_MS, greetingTimeout: CHECK_TIMEOUT_MS, socketTimeout: CHECK_TIMEOUT_MS,
  });
  return { verify: () => transport.verify(), close: () => transport.close() };
}
