import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { ErrorCode } from '@live-workshop/shared';

/** Codes an HTTP answer may carry: the shared closed set, plus 404's. */
export type HttpErrorCode = ErrorCode | 'not_found';

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

/** Validate a request part with a schema; on failure answer 400 with per-field messages and return null. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, res: Response, message = 'Please check the request.'): z.infer<S> | null {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  sendError(res, 400, 'invalid_payload', message, { fieldErrors: fieldErrorsOf(parsed.error) });
  return null;
}

/** The body of a JSON request, or undefined when none was sent. */
export const bodyOf = (req: Request): unknown => req.body as unknown;
