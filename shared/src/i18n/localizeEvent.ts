/**
 * The event's own texts in a reader's language: an event file may give, per language, its title,
 * description, agenda item titles and descriptions, and breakout room titles and topics
 * (`translations: { de: { title, agenda: { opening: { title } }, breakouts: { … } } }`); whatever a
 * language leaves out stays as written in the file (the default). Pure, for both sides.
 */
import type { EventConfig } from '../event/eventConfig.js';
import type { LanguageCode } from './languages.js';

export function localizeEvent(event: EventConfig, language: string): EventConfig {
  const texts = event.translations?.[language as LanguageCode];
  if (!texts) return event;
  return {
    ...event,
    title: texts.title ?? event.title,
    description: texts.description ?? event.description,
    agenda: event.agenda.map((item) => {
      const own = texts.agenda?.[item.id];
      return own ? { ...item, title: own.title ?? item.title, description: own.description ?? item.description } : item;
    }),
    breakouts: event.breakouts.map((room) => {
      const own = texts.breakouts?.[room.id];
      return own ? { ...room, title: own.title ?? room.title, topic: own.topic ?? room.topic } : room;
    }),
  };
}
