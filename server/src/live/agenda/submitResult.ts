// What submitting a command to the live agenda comes to: the engine's answer, or (a shared agenda)
// the store could not be reached.
import type { StepResult } from '@live-workshop/shared';

/** The shared store could not be reached: nothing was written, try again. */
export interface Unavailable {
  readonly ok: false;
  readonly code: 'unavailable';
  readonly message: string;
}

/** What submitting a command led to. */
export type SubmitResult = StepResult | Unavailable;

/** The refusal when the shared store cannot be reached. */
export const UNAVAILABLE: Unavailable = {
  ok: false, code: 'unavailable', message: 'The live agenda cannot be saved right now (its database is unreachable); nothing changed. Try again in a moment.',
};
