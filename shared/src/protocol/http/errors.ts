import type { ErrorCode } from '../result.js';

/** Codes an HTTP refusal may carry: the shared closed set, plus 404's. */
export type HttpErrorCode = ErrorCode | 'not_found';

/** The JSON body of every refused HTTP request; forms get the first problem per field, by dotted path. */
export interface HttpErrorBody {
  readonly code: HttpErrorCode;
  readonly message: string;
  readonly fieldErrors?: Readonly<Record<string, string>>;
}
