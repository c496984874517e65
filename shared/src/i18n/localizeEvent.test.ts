import { expect, test } from 'vitest';
import { seedEventInput } from '../engine/testkit.js';
import { eventConfigSchema } from '../event/eventConfig.js';
import { localizeEvent } from './localizeEvent.js';

const base = eventConfigSchema.parse(seedEventInput());
const item = base.agenda[0]!;
const room = base.breakouts[1]!;

test('the event file\'s own texts in a language replace the default; what it leaves out stays as written', () => {
  const event = eventConfigSchema.parse({
    ...seedEventInput(),
    translations: { fr: { title: 'Les microcertifications', agenda: { [item.id]: { title: 'Ouverture' } }, breakouts: { [room.id]: { topic: 'La confiance' } } } },
  });
  const fr = localizeEvent(event, 'fr');
  expect(fr.title).toBe('Les microcertifications');
  expect(fr.description).toBe(base.description);
  expect(fr.agenda[0]!.title).toBe('Ouverture');
  expect(fr.agenda[1]!.title).toBe(base.agenda[1]!.title);
  expect(fr.breakouts[1]).toEqual({ ...room, topic: 'La confiance' });
  expect(localizeEvent(event, 'de')).toBe(event);
});

test('a translation for an unknown language, item or room is refused with the path to it', () => {
  const bad = eventConfigSchema.safeParse({ ...seedEventInput(), translations: { xx: { title: 'X' }, de: { agenda: { nope: { title: 'Nein' } }, breakouts: { gone: { title: 'Weg' } } } } });
  expect(bad.success).toBe(false);
  const paths = bad.error!.issues.map((i) => i.path.join('.'));
  expect(paths).toContain('translations.de.agenda.nope');
  expect(paths).toContain('translations.de.breakouts.gone');
  expect(paths.some((p) => p.startsWith('translations.xx') || p === 'translations')).toBe(true);
});
