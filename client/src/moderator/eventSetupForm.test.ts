import { expect, test } from 'vitest';
import { EVENT } from '../testing/fixtures.js';
import { formOf, setupFormReducer, type SetupForm, type SetupFormEvent } from './eventSetupForm.js';

const fresh = formOf(EVENT);
const refused: SetupForm = { ...fresh, errors: { 'breakouts.1.capacity': 'Too small' }, formError: 'The event has problems; see each field.' };
const renamed = (d: SetupForm['draft']) => ({ ...d, title: 'Renamed' });
const saved = { ...EVENT, title: 'Saved' };

test.each<[string, SetupForm | null, SetupFormEvent, Partial<SetupForm> | null]>([
  ['nothing happens before the first load', null, { type: 'edited', change: renamed, structural: false }, null],
  ['a load starts afresh, dropping edits and problems', { ...refused, dirty: true }, { type: 'loaded', event: EVENT }, { dirty: false, errors: {}, formError: null, savedAt: null }],
  ['an edit marks the draft dirty and keeps the problems by field', refused, { type: 'edited', change: renamed, structural: false }, { dirty: true, errors: refused.errors }],
  ['a change of rows drops the indexed problems', refused, { type: 'edited', change: renamed, structural: true }, { dirty: true, errors: {} }],
  ['an edit after a save clears "saved"', { ...fresh, savedAt: 5 }, { type: 'edited', change: renamed, structural: false }, { savedAt: null }],
  ['saving clears the summary', refused, { type: 'saving' }, { formError: null, errors: refused.errors }],
  ['a save starts from the saved event', { ...refused, dirty: true }, { type: 'saved', event: saved, atMs: 7 }, { base: saved, dirty: false, errors: {}, formError: null, savedAt: 7 }],
  ['a refusal puts nested problems on their field', fresh, { type: 'refused', message: 'No', fieldErrors: { 'organisers.2': 'Empty', 'agenda.1.stage.0': 'Unknown' } }, { formError: 'No', errors: { organisers: 'Empty', 'agenda.1.stage': 'Unknown' } }],
  ['a failure says so and keeps the draft', { ...fresh, dirty: true }, { type: 'failed', message: 'Try again' }, { formError: 'Try again', dirty: true }],
])('%s', (_name, form, event, expected) => {
  const next = setupFormReducer(form, event);
  if (expected === null) expect(next).toBeNull();
  else expect(next).toMatchObject(expected);
});

test('an edit changes the draft through the given change', () => {
  expect(setupFormReducer(fresh, { type: 'edited', change: renamed, structural: false })!.draft.title).toBe('Renamed');
});
