// One outcome of the pre-event check, for the technician (command line) and the moderator (console):
// pass, warn (the event can run, but look at this) or fail (fix it first). The words are catalogue
// messages (`check.*`), said in the reader's language where they are read.

import { message, renderMessage, type CheckResult, type CheckStatus, type MessageValue } from '@live-workshop/shared';
import type { Words } from '../../../platform/i18n.js';

export type { CheckResult, CheckStatus };

type Values = Readonly<Record<string, MessageValue>>;
const result = (status: CheckStatus) => (id: CheckResult['id'], key: string, values?: Values): CheckResult => ({ id, status, detail: message(`check.${id}.${key}`, values) });
export const pass = result('pass');
export const warn = result('warn');
export const fail = result('fail');

/** Any check that failed makes the whole check fail (the command's exit code). */
export const anyFailed = (results: readonly CheckResult[]) => results.some((r) => r.status === 'fail');

/** The results as the command prints them: one line each, then a summary. */
export function resultsInWords(results: readonly CheckResult[], { t }: Words): string {
  const lines = results.map((r) => `${t(`check.mark.${r.status}`)}  ${t(`check.title.${r.id}`)}: ${renderMessage(t, r.detail)}`);
  const failed = results.filter((r) => r.status === 'fail').length;
  const warned = results.filter((r) => r.status === 'warn').length;
  lines.push(failed > 0 ? t('check.summary.failed', { count: failed }) : warned > 0 ? t('check.summary.warned', { count: warned }) : t('check.summary.ready'));
  return lines.join('\n');
}
