import { useId } from 'react';
import type { EventConfig } from '@live-workshop/shared';
import { roundsAskingPreferences } from '@live-workshop/shared/pure';

/** First and second choice per round, by round key. */
export type RoundChoices = Readonly<Record<string, { readonly first: string; readonly second: string }>>;

/** The choices as the registration request sends them. */
export function roundPreferencesOf(choices: RoundChoices): Record<string, string[]> {
  return Object.fromEntries(Object.entries(choices).map(([key, c]) => [key, [c.first, c.second].filter(Boolean)]));
}

/**
 * Registration's choices for each round of breakouts with its own rooms that asks for them
 * (the event's default rooms are asked by the form itself). `errors` are the server's, keyed
 * "roundPreferences.<round>.<0|1>".
 */
export function RoundPreferenceFields({ event, choices, onChange, errors }: {
  event: EventConfig;
  choices: RoundChoices;
  onChange: (next: RoundChoices) => void;
  errors: Readonly<Record<string, string>>;
}) {
  const base = useId();
  const rounds = roundsAskingPreferences(event);
  if (rounds.length === 0) return null;
  return (
    <>
      {rounds.map((round) => {
        const item = event.agenda.find((i) => i.id === round.key);
        const rooms = item?.kind === 'breakouts' ? (item.rooms ?? []) : [];
        const current = choices[round.key] ?? { first: '', second: '' };
        const set = (which: 'first' | 'second') => (e: { target: { value: string } }) => onChange({ ...choices, [round.key]: { ...current, [which]: e.target.value } });
        const selfSelect = item?.kind === 'breakouts' && item.select === 'self';
        return (
          <fieldset key={round.key} className="round-preferences" data-testid={`round-preferences-${round.key}`}>
            <legend>{round.title}</legend>
            {selfSelect && <p className="hint">You pick your room for this round during the event; if you do not, these choices place you.</p>}
            {(['first', 'second'] as const).map((which, index) => {
              const fieldId = `${base}-${round.key}-${which}`;
              const error = errors[`roundPreferences.${round.key}.${index}`];
              return (
                <div className="field" key={which}>
                  <label htmlFor={fieldId}>{which === 'first' ? 'First choice *' : 'Second choice'}</label>
                  <select id={fieldId} name={`${round.key}-${which}`} required={which === 'first'} value={current[which]} onChange={set(which)} aria-invalid={!!error} aria-describedby={error ? `${fieldId}-error` : undefined}>
                    <option value="">{which === 'first' ? 'Choose a room…' : 'No second choice'}</option>
                    {rooms.map((r) => <option key={r.id} value={r.id}>{r.title}</option>)}
                  </select>
                  {error && <p id={`${fieldId}-error`} className="field-error">{error}</p>}
                </div>
              );
            })}
          </fieldset>
        );
      })}
    </>
  );
}
