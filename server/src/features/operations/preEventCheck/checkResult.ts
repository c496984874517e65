// One outcome of the pre-event check, in plain words for the technician (command line) and the
// moderator (console): pass, warn (the event can run, but look at this) or fail (fix it first).

import type { CheckResult, CheckStatus } from '@live-workshop/shared';

export type { CheckResult, CheckStatus };

export const pass = (id: CheckResult['id'], title: string, detail: string): CheckResult => ({ id, title, status: 'pass', detail });
export const warn = (id: CheckResult['id'], title: string, detail: string): CheckResult => ({ id, title, status: 'warn', detail });
export const fail = (id: CheckResult['id'], title: string, detail: string): CheckResult => ({ id, title, status: 'fail', detail });

/** Any check that failed makes the whole check fail (the command's exit code). */
export const anyFailed = (results: readonly CheckResult[]) => results.some((r) => r.status === 'fail');

/** The results as the command prints them: one line each, then a summary. */
export function resultsInWords(results: readonly CheckResult[]): string {
  const mark: Record<CheckStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL' };
  const lines = results.map((r) => `${mark[r.status]}  ${r.title}: ${r.detail}`);
  const failed = results.filter((r) => r.status === 'fail').length;
  const warned = results.filter((r) => r.status === 'warn').length;
  lines.push(failed > 0 ? `${failed} check(s) failed: fix them before the event.` : warned > 0 ? `Ready, with ${warned} warning(s).` : 'Ready: every check passed.');
  return lines.join('\n');
}
