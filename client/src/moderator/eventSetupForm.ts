/**
 * The event set-up form's state as one pure reducer: the event it started from, the draft, and what the
 * last save said. Loading and saving are TanStack Query's (EventSetupPanel); this holds only the form.
 */
import type { EventConfig, FieldIssue } from '@live-workshop/shared';
import { draftOf, type EventDraft } from './eventDraft.js';
import { normalizeErrorPaths } from './eventSetupErrors.js';

/** The form between loads and saves. */
export interface SetupForm {
  /** The event as the server last gave it; the draft's rows are edits of it. */
  readonly base: EventConfig;
  readonly draft: EventDraft;
  readonly dirty: boolean;
  /** The server's problems by field path (after the last refused save). */
  readonly errors: Readonly<Record<string, string>>;
  /** The same problems as data, for words in the reader's language (eventSetupErrors.ts). */
  readonly issues: Readonly<Record<string, FieldIssue>>;
  readonly formError: string | null;
  /** When the last save was accepted; null once the draft changes again. */
  readonly savedAt: number | null;
}

/** What happens to the form. */
export type SetupFormEvent =
  | { readonly type: 'loaded'; readonly event: EventConfig }
  | { readonly type: 'edited'; readonly change: (d: EventDraft) => EventDraft; readonly structural: boolean }
  | { readonly type: 'saving' }
  | { readonly type: 'saved'; readonly event: EventConfig; readonly atMs: number }
  | { readonly type: 'refused'; readonly message: string; readonly fieldErrors: Readonly<Record<string, string>>; readonly fieldIssues?: Readonly<Record<string, FieldIssue>> }
  | { readonly type: 'failed'; readonly message: string };

/** A fresh form for an event. */
export const formOf = (event: EventConfig): SetupForm => ({ base: event, draft: draftOf(event), dirty: false, errors: {}, issues: {}, formError: null, savedAt: null });

/** The next form. A change of rows renumbers fields, so the server's indexed errors no longer apply. */
export function setupFormReducer(form: SetupForm | null, event: SetupFormEvent): SetupForm | null {
  if (event.type === 'loaded') return formOf(event.event);
  if (!form) return form;
  switch (event.type) {
    case 'edited':
      return { ...form, draft: event.change(form.draft), dirty: true, savedAt: null, errors: event.structural ? {} : form.errors, issues: event.structural ? {} : form.issues };
    case 'saving':
      return { ...form, formError: null };
    case 'saved':
      return { ...formOf(event.event), savedAt: event.atMs };
    case 'refused':
      return { ...form, errors: normalizeErrorPaths(event.fieldErrors), issues: normalizeErrorPaths(event.fieldIssues ?? {}), formError: event.message };
    case 'failed':
      return { ...form, formError: event.message };
  }
}
