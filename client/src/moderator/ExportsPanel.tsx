import { useMutation } from '@tanstack/react-query';
import { problemOf } from '../net/api.js';
import { downloadExport, type EXPORTS } from './moderatorApi.js';
import { announce } from '../session/store/actions.js';
import { useT } from '../i18n/useT.js';

const WHICH: readonly (keyof typeof EXPORTS)[] = ['registrations', 'attendance', 'questions', 'polls', 'notesCsv', 'notesMarkdown'];

/** Exports for the organisers: registrations, attendance, questions, polls (CSV) and the rooms' notes (CSV, Markdown), fetched with the moderator's credential. */
export function ExportsPanel({ credential }: { credential: string }) {
  const t = useT();
  const download = useMutation({
    mutationFn: (which: keyof typeof EXPORTS) => downloadExport(credential, which),
    onSuccess: (name) => announce(t('console.exports.downloading', { name })),
  });
  const busy = download.isPending ? download.variables : null;
  const problem = problemOf(download, t('console.exports.failed'));
  return (
    <section className="panel" aria-labelledby="exports-heading" data-testid="exports">
      <h2 id="exports-heading">{t('console.exports.heading')}</h2>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="row">
        {WHICH.map((which) => (
          <button key={which} type="button" className="secondary" disabled={busy !== null} onClick={() => download.mutate(which)} data-testid={`export-${which}`}>
            {busy === which ? t('console.exports.preparing') : t(`console.exports.${which}`)}
          </button>
        ))}
      </div>
      <p className="hint">{t('console.exports.hint')}</p>
    </section>
  );
}
