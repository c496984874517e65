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

test('the rooms of a round with its own rooms are translated too (the Lisbon forum in Portuguese)', async () => {
  const { readFileSync } = await import('node:fs');
  const { parse } = await import('yaml');
  const forum = parse(readFileSync(new URL('../../../e2e/fixtures/lisbon-forum.yaml', import.meta.url), 'utf8'));
  const event = eventConfigSchema.parse({ ...forum, translations: { pt: { breakouts: { tourism: { title: 'Turismo e hotelaria' }, quality: { topic: 'Garantia da qualidade' } } } } });
  const pt = localizeEvent(event, 'pt');
  const rooms = (index: number) => (pt.agenda[index] as Extract<typeof pt.agenda[number], { kind: 'breakouts' }>).rooms!;
  expect(rooms(1).find((r) => r.id === 'tourism')?.title).toBe('Turismo e hotelaria');
  expect(rooms(1).find((r) => r.id === 'health')?.title).toBe('Health and care');
  expect(rooms(3).find((r) => r.id === 'quality')?.topic).toBe('Garantia da qualidade');
});
