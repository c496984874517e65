import { useMutation } from '@tanstack/react-query';
import { problemOf } from '../net/api.js';
import { downloadExport, type EXPORTS } from './moderatorApi.js';
import { announce } from '../session/store/actions.js';

const LABELS: Record<keyof typeof EXPORTS, string> = {
  registrations: 'Registrations (CSV)',
  attendance: 'Attendance (CSV)',
  questions: 'Questions (CSV)',
  polls: 'Poll results (CSV)',
  notesCsv: 'Breakout room notes (CSV)',
  notesMarkdown: 'Breakout room notes (Markdown)',
};

/** Exports for the organisers: registrations, attendance, questions, polls (CSV) and the rooms' notes (CSV, Markdown), fetched with the moderator's credential. */
export function ExportsPanel({ credential }: { credential: string }) {
  const download = useMutation({
    mutationFn: (which: keyof typeof EXPORTS) => downloadExport(credential, which),
    onSuccess: (name) => announce(`${name} is downloading.`),
  });
  const busy = download.isPending ? download.variables : null;
  const problem = problemOf(download, 'The download failed; try again.');
  return (
    <section className="panel" aria-labelledby="exports-heading" data-testid="exports">
      <h2 id="exports-heading">Exports</h2>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="row">
        {(Object.keys(LABELS) as (keyof typeof EXPORTS)[]).map((which) => (
          <button key={which} type="button" className="secondary" disabled={busy !== null} onClick={() => download.mutate(which)} data-testid={`export-${which}`}>
            {busy === which ? 'Preparing…' : LABELS[which]}
          </button>
        ))}
      </div>
      <p className="hint">Only the fields the organisers need; no links or secrets. Attendance counts from the media server, not from clicks.</p>
    </section>
  );
}
