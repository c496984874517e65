import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod';
import { ERROR_CODES, type FieldIssue, type HttpErrorCode } from '@live-workshop/shared';
import type { Log } from './log.js';

export type { HttpErrorCode };

/** Answer a JSON error `{ code, message, ...extra }`. */
export function sendError(res: Response, status: number, code: HttpErrorCode, message: string, extra: Record<string, unknown> = {}): void {
  res.status(status).json({ code, message, ...extra });
}

/** The first message per field of a failed parse, keyed by dotted path ("preferences.1"). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[issue.path.map(String).join('.') || 'form'] ??= issue.message;
  return fieldErrors;
}

/**
 * The first problem per field of a failed parse as data (the page says it in its reader's language):
 * a rule's own `params.problem` name with its other params, or the validator's issue kind with its limit.
 */
export function fieldIssuesOf(error: z.ZodError): Record<string, FieldIssue> {
  const issues: Record<string, FieldIssue> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || 'form';
    if (issues[path]) continue;
    const params: Record<string, string | number> = {};
    let code: string = issue.code;
    if (issue.code === 'custom') {
      for (const [key, value] of Object.entries(issue.params ?? {})) if (typeof value === 'string' || typeof value === 'number') params[key] = value;
      if (typeof params.problem === 'string') code = params.problem;
      delete params.problem;
    } else if (issue.code === 'too_small' || issue.code === 'too_big') {
      params.origin = String(issue.origin);
      params.limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
    } else if (issue.code === 'invalid_format') params.format = issue.format;
    issues[path] = { code, params };
  }
  return issues;
}

/** Validate a request part with a schema; on failure answer 400 with per-field messages and return null. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, res: Response, message = 'Please check the request.'): z.infer<S> | null {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  sendError(res, 400, 'invalid_payload', message, { fieldErrors: fieldErrorsOf(parsed.error) });
  return null;
}

const isHttpErrorCode = (code: string): code is HttpErrorCode => code === 'not_found' || (ERROR_CODES as readonly string[]).includes(code);

/** The code of a 4xx answer by its status, when the error carries none of its own. */
const CODE_OF_STATUS: Readonly<Record<number, HttpErrorCode>> = {
  400: 'invalid_payload', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'not_allowed_now', 413: 'too_large', 429: 'rate_limited',
};

/**
 * The last Express handler: an error with a 4xx status answers that status with its code (one the
 * error carries, else the status's own); anything else is `internal`, logged, never forwarded.
 */
export function jsonErrorHandler(log: Log) {
  return (err: Error & { status?: number; code?: unknown }, _req: Request, res: Response, _next: NextFunction): void => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) {
      log.error({ err }, 'http error');
      sendError(res, 500, 'internal', 'Server error.');
      return;
    }
    const own = typeof err.code === 'string' && isHttpErrorCode(err.code) ? err.code : null;
    sendError(res, status, own ?? CODE_OF_STATUS[status] ?? 'invalid_payload', err.message);
  };
}
