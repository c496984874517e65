import { useEffect, useState, type InputHTMLAttributes } from 'react';
import { useLanguage } from '../i18n/useT.js';
import { currentLocale } from '../i18n/i18n.js';
import { formatDateField, formatTimeField, parseDateField, parseTimeField } from './localeDateTime.js';

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  /** The event file's value: "2025-10-23" or "13:00" (or what was typed, when it could not be read). */
  readonly value: string;
  readonly onChange: (value: string) => void;
};

/**
 * A text field showing a value the reader's way and handing back the file's way. What cannot be read
 * is handed back as typed, so the server names the problem by the field.
 */
function LocaleField({ value, onChange, format, parse, ...rest }: FieldProps & { format: (v: string, locale: string) => string; parse: (text: string, locale: string) => string | null }) {
  const language = useLanguage();
  const locale = currentLocale();
  const [text, setText] = useState(() => format(value, locale));
  // A new value from outside (loaded, discarded, another language) is shown afresh; one we sent is not.
  useEffect(() => {
    if ((parse(text, locale) ?? text) !== value) setText(format(value, locale));
    // `text` is left out on purpose: typing must not reformat what is being typed.
  }, [value, language]);
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parse(e.target.value, locale) ?? e.target.value);
      }}
      onBlur={() => {
        const parsed = parse(text, locale);
        if (parsed) setText(format(parsed, locale));
      }}
    />
  );
}

/** A date in the reader's locale ("23.10.2025"); the form gets "2025-10-23". */
export const LocaleDateInput = (props: FieldProps) => <LocaleField {...props} format={formatDateField} parse={parseDateField} />;

/** A time in the reader's locale (24-hour where it is used); the form gets "13:00". */
export const LocaleTimeInput = (props: FieldProps) => <LocaleField {...props} format={formatTimeField} parse={parseTimeField} />;
