import { useId, useState, type FormEvent } from 'react';
import type { EventConfig, Registration, RegistrationFormInfo, RegistrationProblem } from '@live-workshop/shared';
import { REGISTRATION_LIMITS, registrationProblems } from '@live-workshop/shared/pure';
import { ApiError, register } from '../../net/api.js';
import { announce } from '../../session/store/actions.js';
import { JoinLinkCard } from './JoinLinkCard.js';
import { currentLanguage, currentLocale, t } from '../../i18n/i18n.js';
import { Rich } from '../../i18n/Rich.js';
import { useT } from '../../i18n/useT.js';
import { RoundPreferenceFields, roundPreferencesOf, type RoundChoices } from './RoundPreferenceFields.js';
import { eventPath } from '../../net/eventBase.js';

type Field = 'name' | 'email' | 'organisation' | 'first' | 'second' | 'country' | 'stakeholderType' | 'accessibilityNeeds' | 'consent';
type Values = Record<Exclude<Field, 'consent'>, string> & { consent: boolean };

/** The form's words for each problem the shared rule finds (keys of register.problem). */
const WORDS: Record<Field, Partial<Record<RegistrationProblem, string>>> = {
  name: { missing: 'nameMissing' },
  email: { missing: 'emailInvalid', invalid: 'emailInvalid' },
  organisation: {},
  country: { missing: 'countryMissing' },
  stakeholderType: { missing: 'stakeholderMissing' },
  first: { missing: 'firstMissing', not_listed: 'notListed' },
  second: { same_as_first: 'sameAsFirst', not_listed: 'notListed' },
  accessibilityNeeds: {},
  consent: { missing: 'consentMissing' },
};
const TOO_LONG: Partial<Record<Field, number>> = {
  name: REGISTRATION_LIMITS.name, email: REGISTRATION_LIMITS.email, organisation: REGISTRATION_LIMITS.organisation, accessibilityNeeds: REGISTRATION_LIMITS.accessibilityNeeds,
};

/** The shared registration rule, in the form's words (the server applies the same rule). */
function validate(values: Values, event: EventConfig, info: RegistrationFormInfo | null): Partial<Record<Field, string>> {
  const problems = registrationProblems(
    { ...values, preferences: [values.first || undefined, values.second || undefined] },
    { breakoutIds: event.breakouts.map((b) => b.id), extendedForm: info !== null },
  );
  const errors: Partial<Record<Field, string>> = {};
  for (const [key, problem] of Object.entries(problems)) {
    const f = fieldOf(key);
    if (!f || !problem) continue;
    const wordKey = WORDS[f][problem];
    errors[f] = problem === 'too_long' ? t('register.problem.tooLong', { max: TOO_LONG[f] ?? 0 }) : t(`register.problem.${wordKey ?? 'check'}`);
  }
  return errors;
}

const BASIC_FIELDS = new Set<Field>(['name', 'email', 'organisation', 'first', 'second']);

const FIELD_ORDER: Field[] = ['name', 'email', 'organisation', 'country', 'stakeholderType', 'first', 'second', 'accessibilityNeeds', 'consent'];

/** Map the server's field names onto the form's. */
function fieldOf(key: string): Field | null {
  if (key === 'name' || key === 'email' || key === 'organisation' || key === 'country' || key === 'stakeholderType' || key === 'accessibilityNeeds' || key === 'consent') return key;
  if (key === 'privacyNoticeVersion') return 'consent';
  if (key === 'preferences' || key === 'preferences.0' || key === 'preferences[0]') return 'first';
  if (key === 'preferences.1' || key === 'preferences[1]') return 'second';
  return null;
}

/**
 * Register for the event: name, email, organisation, first and second breakout choice; and, when the
 * server's form info asks for them, country, kind of stakeholder, accessibility needs and consent.
 */
export function RegistrationForm({ id: formId, event, info = null, onMissingInfo }: { id?: string; event: EventConfig; info?: RegistrationFormInfo | null; onMissingInfo?: () => void }) {
  const t = useT();
  const [values, setValues] = useState<Values>({
    name: '', email: '', organisation: '', first: '', second: '', country: '', stakeholderType: '', accessibilityNeeds: '', consent: false,
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [roundChoices, setRoundChoices] = useState<RoundChoices>({});
  const [roundErrors, setRoundErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<Registration | null>(null);
  const base = useId();
  const id = (f: Field) => `${base}-${f}`;

  if (done) return <JoinLinkCard registration={done} id={formId} />;

  const set = (f: Exclude<Field, 'consent'>) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [f]: e.target.value }));
  const describedBy = (f: Field, hint?: string) => [errors[f] ? `${id(f)}-error` : null, hint ?? null].filter(Boolean).join(' ') || undefined;
  const fieldError = (f: Field) =>
    errors[f] ? (
      <p id={`${id(f)}-error`} className="field-error">
        {errors[f]}
      </p>
    ) : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validate(values, event, info);
    setErrors(found);
    setFormError(null);
    const firstProblem = FIELD_ORDER.find((f) => found[f]);
    if (firstProblem) {
      announce(t('register.correctFields'), 'assertive');
      document.getElementById(id(firstProblem))?.focus();
      return;
    }
    setSending(true);
    try {
      const registration = await register({
        name: values.name.trim(),
        email: values.email.trim(),
        ...(values.organisation.trim() ? { organisation: values.organisation.trim() } : {}),
        preferences: [values.first, values.second].filter(Boolean),
        language: currentLanguage(),
        ...(Object.keys(roundChoices).length > 0 ? { roundPreferences: roundPreferencesOf(roundChoices) } : {}),
        ...(info
          ? {
              country: values.country,
              stakeholderType: values.stakeholderType,
              ...(values.accessibilityNeeds.trim() ? { accessibilityNeeds: values.accessibilityNeeds.trim() } : {}),
              consent: true as const,
              privacyNoticeVersion: info.privacyNoticeVersion,
            }
          : {}),
      });
      setDone(registration);
      announce(t('register.sentTo', { email: registration.email }));
    } catch (error) {
      if (error instanceof ApiError) {
        const mapped: Partial<Record<Field, string>> = {};
        const unplaced: string[] = [];
        const byRound: Record<string, string> = {};
        let askedForMore = false;
        for (const [key, message] of Object.entries(error.fieldErrors)) {
          if (key.startsWith('roundPreferences.')) {
            byRound[key] = message;
            continue;
          }
          const f = fieldOf(key);
          if (f && (info || BASIC_FIELDS.has(f))) mapped[f] = message;
          else {
            unplaced.push(message);
            askedForMore ||= f !== null;
          }
        }
        // The server wants fields this form did not show: load its form description and show them.
        if (askedForMore && !info) onMissingInfo?.();
        setErrors(mapped);
        setRoundErrors(byRound);
        setFormError([serverWords(error), ...unplaced].join(' '));
        const firstProblem = FIELD_ORDER.find((f) => mapped[f]);
        if (firstProblem) document.getElementById(id(firstProblem))?.focus();
      } else setFormError(t('register.failed'));
      announce(t('register.notAccepted'), 'assertive');
    } finally {
      setSending(false);
    }
  };

  const breakoutOptions = event.breakouts.map((b, i) => (
    <option key={b.id} value={b.id}>
      {t('register.breakoutOption', { number: i + 1, title: b.title })}
    </option>
  ));

  return (
    <form id={formId} className="register" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${base}-heading`} data-testid="register-form">
      <h2 id={`${base}-heading`}>{t('register.heading')}</h2>
      <p className="hint">{t('register.required')}</p>
      {formError && (
        <p className="notice notice-error" role="alert">
          {formError}
        </p>
      )}
      <div className="field">
        <label htmlFor={id('name')}>{t('register.name')} *</label>
        <input id={id('name')} name="name" autoComplete="name" required value={values.name} onChange={set('name')} aria-invalid={!!errors.name} aria-describedby={describedBy('name')} />
        {fieldError('name')}
      </div>
      <div className="field">
        <label htmlFor={id('email')}>{t('register.email')} *</label>
        <input id={id('email')} name="email" type="email" autoComplete="email" required value={values.email} onChange={set('email')} aria-invalid={!!errors.email} aria-describedby={describedBy('email')} />
        {fieldError('email')}
      </div>
      <div className="field">
        <label htmlFor={id('organisation')}>{t('register.organisation')}</label>
        <input id={id('organisation')} name="organisation" autoComplete="organization" value={values.organisation} onChange={set('organisation')} aria-invalid={!!errors.organisation} aria-describedby={describedBy('organisation')} />
        {fieldError('organisation')}
      </div>
      {info && (
        <>
          <div className="field">
            <label htmlFor={id('country')}>{t('register.country')} *</label>
            <select id={id('country')} name="country" autoComplete="country" required value={values.country} onChange={set('country')} aria-invalid={!!errors.country} aria-describedby={describedBy('country')}>
              <option value="">{t('register.chooseCountry')}</option>
              {countriesIn(info.countries).map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
            {fieldError('country')}
          </div>
          <div className="field">
            <label htmlFor={id('stakeholderType')}>{t('register.stakeholder')} *</label>
            <select id={id('stakeholderType')} name="stakeholderType" required value={values.stakeholderType} onChange={set('stakeholderType')} aria-invalid={!!errors.stakeholderType} aria-describedby={describedBy('stakeholderType')}>
              <option value="">{t('register.choose')}</option>
              {info.stakeholderTypes.map((s) => (
                <option key={s.id} value={s.id}>
                  {t(`register.stakeholderType.${s.id}`, { defaultValue: s.label })}
                </option>
              ))}
            </select>
            {fieldError('stakeholderType')}
          </div>
        </>
      )}
      {event.breakouts.length > 0 && (
        <>
          <div className="field">
            <label htmlFor={id('first')}>{t('register.first')} *</label>
            <select id={id('first')} name="first" required value={values.first} onChange={set('first')} aria-invalid={!!errors.first} aria-describedby={describedBy('first', `${base}-pref-hint`)}>
              <option value="">{t('register.chooseRoom')}</option>
              {breakoutOptions}
            </select>
            {fieldError('first')}
          </div>
          <div className="field">
            <label htmlFor={id('second')}>{t('register.second')}</label>
            <select id={id('second')} name="second" value={values.second} onChange={set('second')} aria-invalid={!!errors.second} aria-describedby={describedBy('second', `${base}-pref-hint`)}>
              <option value="">{t('register.noSecond')}</option>
              {breakoutOptions}
            </select>
            {fieldError('second')}
          </div>
          <p id={`${base}-pref-hint`} className="hint">
            {t('register.placesHint')}
          </p>
        </>
      )}
      <RoundPreferenceFields event={event} choices={roundChoices} onChange={setRoundChoices} errors={roundErrors} />
      {info && (
        <>
          <div className="field">
            <label htmlFor={id('accessibilityNeeds')}>{t('register.accessibility')}</label>
            <textarea
              id={id('accessibilityNeeds')}
              name="accessibilityNeeds"
              rows={2}
              maxLength={info.accessibilityNeedsMaxLength}
              value={values.accessibilityNeeds}
              onChange={set('accessibilityNeeds')}
              aria-invalid={!!errors.accessibilityNeeds}
              aria-describedby={describedBy('accessibilityNeeds', `${base}-a11y-hint`)}
            />
            <p id={`${base}-a11y-hint`} className="hint">
              {t('register.accessibilityHint')}
            </p>
            {fieldError('accessibilityNeeds')}
          </div>
          <div className="field-check">
            <input
              id={id('consent')}
              type="checkbox"
              name="consent"
              checked={values.consent}
              onChange={(e) => setValues((v) => ({ ...v, consent: e.target.checked }))}
              aria-invalid={!!errors.consent}
              aria-describedby={describedBy('consent', `${base}-consent-hint`)}
            />
            <label htmlFor={id('consent')}>
              <Rich
                text={(m) => t('register.consent', m)}
                parts={{
                  link: (
                    <a href={eventPath('/privacy')} target="_blank" rel="noopener" data-testid="privacy-link">
                      {t('register.privacyNotice')}
                    </a>
                  ),
                }}
              />{' '}
              *
            </label>
          </div>
          <p id={`${base}-consent-hint`} className="hint">
            {t('register.consentHint', { version: info.privacyNoticeVersion })}
          </p>
          {fieldError('consent')}
        </>
      )}
      <button type="submit" disabled={sending}>
        {sending ? t('register.sending') : t('register.submit')}
      </button>
    </form>
  );
}

/** The server's country list with each name in the reader's language (Intl), sorted in it. */
function countriesIn(countries: RegistrationFormInfo['countries']): RegistrationFormInfo['countries'] {
  const locale = currentLocale();
  if (currentLanguage() === 'en') return countries;
  let names: Intl.DisplayNames;
  try {
    names = new Intl.DisplayNames([locale], { type: 'region' });
  } catch {
    return countries;
  }
  return countries.map((c) => ({ code: c.code, name: names.of(c.code) ?? c.name })).sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** The server's refusal: its own words in English, the code's words in another language. */
function serverWords(error: ApiError): string {
  return currentLanguage() === 'en' ? error.message : t(`errors.${error.code}`, { defaultValue: error.message });
}
