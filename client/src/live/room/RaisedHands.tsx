import { useLw } from '../../session/useLw.js';
import { t } from '../../i18n/i18n.js';

/** Speakers: who has a question (the roster is sent to speakers too). */
export function RaisedHands() {
  const roster = useLw((s) => s.roster.view);
  const hands = roster?.entries.filter((e) => e.handRaised) ?? [];
  return (
    <section className="panel" aria-labelledby="hands-heading">
      <h3 id="hands-heading">{t('hands.heading', { count: hands.length })}</h3>
      {hands.length === 0 ? (
        <p className="hint">{t('hands.none')}</p>
      ) : (
        <ul data-testid="raised-hands">
          {hands.map((h) => (
            <li key={h.id}>{h.name}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
