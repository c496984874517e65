import type { ErrorCode } from '../result.js';

/** Codes an HTTP refusal may carry: the shared closed set, plus 404's. */
export type HttpErrorCode = ErrorCode | 'not_found';

/** The JSON body of every refused HTTP request; forms get the first problem per field, by dotted path. */
export interface HttpErrorBody {
  readonly code: HttpErrorCode;
  readonly message: string;
  readonly fieldErrors?: Readonly<Record<string, string>>;
  /** The same problems as data, for a page to say them in its reader's language (the messages above are English). */
  readonly fieldIssues?: Readonly<Record<string, FieldIssue>>;
}

/**
 * One field's problem as data: the validator's issue kind (`too_small`, `too_big`, `invalid_type`,
 * `invalid_format`, `invalid_value`) or a rule's own name (`endAfterStart`, `noSuchDay`, …), with
 * what the words need (`limit`, `origin`, times, ids).
 */
export interface FieldIssue {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
}
