/**
 * The event's own texts in a reader's language: an event file may give, per language, its title,
 * description, agenda item titles and descriptions, and breakout room titles and topics (of every round)
 * (`translations: { de: { title, agenda: { opening: { title } }, breakouts: { … } } }`); whatever a
 * language leaves out stays as written in the file (the default). Pure, for both sides.
 */
import type { EventConfig } from '../event/eventConfig.js';
import type { LanguageCode } from './languages.js';

export function localizeEvent(event: EventConfig, language: string): EventConfig {
  const texts = event.translations?.[language as LanguageCode];
  if (!texts) return event;
  const room = <R extends EventConfig['breakouts'][number]>(r: R): R => {
    const own = texts.breakouts?.[r.id];
    return own ? { ...r, title: own.title ?? r.title, topic: own.topic ?? r.topic } : r;
  };
  return {
    ...event,
    title: texts.title ?? event.title,
    description: texts.description ?? event.description,
    agenda: event.agenda.map((item) => {
      const own = texts.agenda?.[item.id];
      const texted = own ? { ...item, title: own.title ?? item.title, description: own.description ?? item.description } : item;
      // A round's own rooms are translated like the event's (room ids are unique across rounds).
      return texted.kind === 'breakouts' && texted.rooms ? { ...texted, rooms: texted.rooms.map(room) } : texted;
    }),
    breakouts: event.breakouts.map(room),
  };
}
