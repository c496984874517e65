import { resolve } from 'node:path';
import { z } from 'zod';
import type { RehearsalMode } from '@live-workshop/shared';

/** The repository root (three folders up from server/src/platform/). */
export const REPO_ROOT = resolve(import.meta.dirname, '../../..');

/** Defaults that only make sense on a developer's machine. */
export const DEV_DEFAULTS = { livekitApiKey: 'devkey', livekitApiSecret: 'secret', sessionSecret: 'dev-only-session-secret-change-me' } as const;

/** A connection URL whose scheme is one of `schemes`; anything else is refused with the variable's name and an example. */
const serviceUrl = (name: string, schemes: readonly string[], example: string) => z.string().optional()
  .transform((value) => value?.trim() || undefined)
  .refine((value) => {
    if (value === undefined) return true;
    try {
      const url = new URL(value);
      return schemes.includes(url.protocol.replace(/:$/, '')) && url.hostname !== '';
    } catch {
      return false;
    }
  }, { message: `${name} must be a ${schemes.map((s) => `${s}://`).join(' or ')} URL with a host, e.g. ${example}` });

const envSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(resolve(REPO_ROOT, '.data')),
  EVENT_FILE: z.string().default(resolve(REPO_ROOT, 'server/events/microcredentials-2025.yaml')),
  CLIENT_DIST: z.string().default(resolve(REPO_ROOT, 'client/dist')),
  LIVEKIT_URL: z.string().optional(),
  /** Where the server calls LiveKit's room API (e.g. http://127.0.0.1:7880 beside it); default: LIVEKIT_URL with ws→http. */
  LIVEKIT_API_URL: z.string().url().optional(),
  /** Express's "trust proxy" behind a TLS front (e.g. `loopback`, or a hop count like `1`), so rate limits see each person's address; unset: no proxy trusted. */
  TRUST_PROXY: z.string().optional(),
  /** The local LiveKit (no LIVEKIT_URL): the address advertised for media; default: the first non-loopback one. */
  LIVEKIT_NODE_IP: z.ipv4().optional(),
  /** The local LiveKit's binary (set by `npm start`); default: livekit-server on PATH, then the project build. */
  LIVEKIT_BINARY: z.string().optional(),
  LIVEKIT_API_KEY: z.string().default(DEV_DEFAULTS.livekitApiKey),
  LIVEKIT_API_SECRET: z.string().default(DEV_DEFAULTS.livekitApiSecret),
  SESSION_SECRET: z.string().min(16).default(DEV_DEFAULTS.sessionSecret),
  /** Registrations one address may send per 15 minutes (a whole office or campus shares one address). */
  REGISTRATIONS_PER_ADDRESS: z.coerce.number().int().min(1).default(1000),
  /** Registrations (so mails) one email address may be sent per 15 minutes. */
  REGISTRATIONS_PER_EMAIL: z.coerce.number().int().min(1).default(5),
  ALLOWED_ORIGINS: z.string().optional(),
  /** The first organiser account's name, created at the first start (its link is printed at every start). */
  ORGANISER_NAME: z.string().min(1).max(120).optional(),
  /** SMTP server for mailing join links, e.g. smtp://user:pass@mail.example.org:587; required in production; unset in development: a local Mailpit. */
  SMTP_URL: z.string().url().optional(),
  /** The local Mailpit's binary (set by `npm start`), used when no SMTP_URL is given in development. */
  MAILPIT_BINARY: z.string().optional(),
  /** The sender of join-link mails; unset or empty: no-reply@<public host>. */
  MAIL_FROM: z.string().optional().transform((from) => from || undefined),
  /** `auto` (development's default): an event that is over and never ran is rehearsed from now; `off`: run the event file as it is. */
  REHEARSAL: z.enum(['auto', 'off']).optional(),
  /** Minutes between online backups of the database into DATA_DIR/backups; 0: no scheduled backups. */
  BACKUP_INTERVAL_MINUTES: z.coerce.number().min(0).default(10),
  /** How many backups to keep (the oldest are removed). */
  BACKUP_KEEP: z.coerce.number().int().min(1).default(12),
  /** LiveKit's config file, for the pre-event check's TURN/TCP check (e.g. server/deploy/livekit.yaml); unset: not checked. */
  LIVEKIT_CONFIG_FILE: z.string().optional(),
  /** The bearer token Prometheus scrapes GET /metrics with; unset or empty: no metrics are served. */
  METRICS_TOKEN: z.string().optional().transform((t) => t || undefined).pipe(z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional()),
  /** PostgreSQL, the live agenda and event leases a cluster's nodes share (postgres://user:pass@host:5432/db); unset: the agenda lives in the SQLite data file, one node. */
  DATABASE_URL: serviceUrl('DATABASE_URL', ['postgres', 'postgresql'], 'postgres://workshop:secret@db.example.org:5432/workshop'),
  /** Redis, through which Socket.IO broadcasts reach the clients of every node (redis://host:6379); unset: one node's broadcasts only. */
  REDIS_URL: serviceUrl('REDIS_URL', ['redis', 'rediss'], 'redis://redis.example.org:6379'),
});

export type ServerConfig = ReturnType<typeof readConfig>;

/** Read configuration from the environment and arguments; refuses dev secrets in production. */
export function readConfig(env: NodeJS.ProcessEnv, argv: readonly string[]) {
  const checked = envSchema.safeParse(env);
  if (!checked.success) {
    // One line per bad variable, named, instead of zod's JSON dump.
    throw new Error(`Bad configuration: ${checked.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`).join('; ')}`);
  }
  const parsed = checked.data;
  const eventArg = argv.indexOf('--event');
  const eventFile = eventArg >= 0 && argv[eventArg + 1] ? resolve(argv[eventArg + 1]!) : parsed.EVENT_FILE;
  const publicUrl = (parsed.PUBLIC_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/$/, '');
  if (parsed.NODE_ENV === 'production') {
    const weak = [
      parsed.LIVEKIT_API_KEY === DEV_DEFAULTS.livekitApiKey && 'LIVEKIT_API_KEY',
      parsed.LIVEKIT_API_SECRET === DEV_DEFAULTS.livekitApiSecret && 'LIVEKIT_API_SECRET',
      parsed.SESSION_SECRET === DEV_DEFAULTS.sessionSecret && 'SESSION_SECRET',
      !parsed.LIVEKIT_URL && 'LIVEKIT_URL',
    ].filter(Boolean);
    if (weak.length > 0) throw new Error(`Refusing to start in production with development defaults: set ${weak.join(', ')}.`);
    if (!parsed.SMTP_URL) throw new Error('Refusing to start in production without SMTP_URL: join links are only ever mailed to the address they belong to (e.g. SMTP_URL=smtp://user:pass@mail.example.org:587).');
    if (parsed.REHEARSAL === 'auto') throw new Error('REHEARSAL=auto moves a past event to today and is for development only; production runs the event file as it is.');
  }
  const origins = parsed.ALLOWED_ORIGINS?.split(',').map((o) => o.trim()).filter(Boolean)
    ?? [publicUrl, `http://localhost:${parsed.PORT}`, `http://127.0.0.1:${parsed.PORT}`];
  // The agenda's authority is shared through PostgreSQL; Redis without it would give two nodes two agendas.
  if (parsed.REDIS_URL && !parsed.DATABASE_URL) throw new Error('REDIS_URL is set without DATABASE_URL: the nodes of a cluster share the live agenda through PostgreSQL; set DATABASE_URL too (or neither, for one node).');
  const rehearsal: RehearsalMode = parsed.NODE_ENV === 'production' ? 'off' : parsed.REHEARSAL ?? 'auto';
  return { ...parsed, eventFile, publicUrl, allowedOrigins: origins, rehearsal };
}
