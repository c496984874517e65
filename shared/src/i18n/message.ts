/**
 * A text the server says to a person who may read another language than the server's: a catalogue
 * key and its values, translated where it is read (the console in the moderator's language, the
 * command line in the technician's). A value may itself be such a text (a reason inside a sentence),
 * or a list of them (said as one list, joined by commas).
 */
export interface Message {
  readonly key: string;
  readonly values?: Readonly<Record<string, MessageValue>>;
}
export type MessageValue = string | number | Message | readonly Message[];

/** Build a message (a shorthand that keeps call sites on one line). */
export const message = (key: string, values?: Readonly<Record<string, MessageValue>>): Message => (values ? { key, values } : { key });

const isMessage = (v: MessageValue): v is Message => typeof v === 'object' && !Array.isArray(v);

/** The message in words, through a translator `t` (i18next's, on either side). */
export function renderMessage(t: (key: string, values?: Record<string, unknown>) => string, m: Message): string {
  const values: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(m.values ?? {})) {
    values[name] = Array.isArray(v) ? v.map((part: Message) => renderMessage(t, part)).join(', ') : isMessage(v as MessageValue) ? renderMessage(t, v as Message) : v;
  }
  return t(m.key, values);
}
