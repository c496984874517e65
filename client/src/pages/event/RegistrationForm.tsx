import { useId, useState, type FormEvent } from 'react';
import type { EventConfig, Registration, RegistrationFormInfo, RegistrationProblem } from '@live-workshop/shared';
import { REGISTRATION_LIMITS, registrationProblems } from '@live-workshop/shared/pure';
import { ApiError, register } from '../../net/api.js';
import { announce } from '../../session/store/actions.js';
import { JoinLinkCard } from './JoinLinkCard.js';
import { RoundPreferenceFields, roundPreferencesOf, type RoundChoices } from './RoundPreferenceFields.js';

type Field = 'name' | 'email' | 'organisation' | 'first' | 'second' | 'country' | 'stakeholderType' | 'accessibilityNeeds' | 'consent';
type Values = Record<Exclude<Field, 'consent'>, string> & { consent: boolean };

/** The form's words for each problem the shared rule finds. */
const WORDS: Record<Field, Partial<Record<RegistrationProblem, string>>> = {
  name: { missing: 'Enter your name.' },
  email: { missing: 'Enter an email address like name@example.org.', invalid: 'Enter an email address like name@example.org.' },
  organisation: {},
  country: { missing: 'Choose your country.' },
  stakeholderType: { missing: 'Choose what describes you best.' },
  first: { missing: 'Choose the breakout room you would like most.', not_listed: 'Choose one of the listed rooms.' },
  second: { same_as_first: 'Choose a different room, or no second choice.', not_listed: 'Choose one of the listed rooms.' },
  accessibilityNeeds: {},
  consent: { missing: 'Please accept the privacy notice to register.' },
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
    errors[f] = problem === 'too_long' ? `Use at most ${TOO_LONG[f]} characters.` : (WORDS[f][problem] ?? 'Please check this field.');
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
export function RegistrationForm({ event, info = null, onMissingInfo }: { event: EventConfig; info?: RegistrationFormInfo | null; onMissingInfo?: () => void }) {
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

  if (done) return <JoinLinkCard registration={done} />;

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
      announce('Please correct the highlighted fields.', 'assertive');
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
      announce(`Check your inbox: your personal join link was sent to ${registration.email}.`);
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
        setFormError([error.message, ...unplaced].join(' '));
        const firstProblem = FIELD_ORDER.find((f) => mapped[f]);
        if (firstProblem) document.getElementById(id(firstProblem))?.focus();
      } else setFormError('Registration failed; please try again.');
      announce('Registration was not accepted; see the messages in the form.', 'assertive');
    } finally {
      setSending(false);
    }
  };

  const breakoutOptions = event.breakouts.map((b, i) => (
    <option key={b.id} value={b.id}>
      {`Breakout ${i + 1}: ${b.title}`}
    </option>
  ));

  return (
    <form className="register" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${base}-heading`} data-testid="register-form">
      <h2 id={`${base}-heading`}>Register</h2>
      <p className="hint">Fields marked * are required.</p>
      {formError && (
        <p className="notice notice-error" role="alert">
          {formError}
        </p>
      )}
      <div className="field">
        <label htmlFor={id('name')}>Name *</label>
        <input id={id('name')} name="name" autoComplete="name" required value={values.name} onChange={set('name')} aria-invalid={!!errors.name} aria-describedby={describedBy('name')} />
        {fieldError('name')}
      </div>
      <div className="field">
        <label htmlFor={id('email')}>Email *</label>
        <input id={id('email')} name="email" type="email" autoComplete="email" required value={values.email} onChange={set('email')} aria-invalid={!!errors.email} aria-describedby={describedBy('email')} />
        {fieldError('email')}
      </div>
      <div className="field">
        <label htmlFor={id('organisation')}>Organisation</label>
        <input id={id('organisation')} name="organisation" autoComplete="organization" value={values.organisation} onChange={set('organisation')} aria-invalid={!!errors.organisation} aria-describedby={describedBy('organisation')} />
        {fieldError('organisation')}
      </div>
      {info && (
        <>
          <div className="field">
            <label htmlFor={id('country')}>Country *</label>
            <select id={id('country')} name="country" autoComplete="country" required value={values.country} onChange={set('country')} aria-invalid={!!errors.country} aria-describedby={describedBy('country')}>
              <option value="">Choose your country…</option>
              {info.countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
            {fieldError('country')}
          </div>
          <div className="field">
            <label htmlFor={id('stakeholderType')}>What describes you best? *</label>
            <select id={id('stakeholderType')} name="stakeholderType" required value={values.stakeholderType} onChange={set('stakeholderType')} aria-invalid={!!errors.stakeholderType} aria-describedby={describedBy('stakeholderType')}>
              <option value="">Choose…</option>
              {info.stakeholderTypes.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
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
            <label htmlFor={id('first')}>First choice of breakout room *</label>
            <select id={id('first')} name="first" required value={values.first} onChange={set('first')} aria-invalid={!!errors.first} aria-describedby={describedBy('first', `${base}-pref-hint`)}>
              <option value="">Choose a room…</option>
              {breakoutOptions}
            </select>
            {fieldError('first')}
          </div>
          <div className="field">
            <label htmlFor={id('second')}>Second choice</label>
            <select id={id('second')} name="second" value={values.second} onChange={set('second')} aria-invalid={!!errors.second} aria-describedby={describedBy('second', `${base}-pref-hint`)}>
              <option value="">No second choice</option>
              {breakoutOptions}
            </select>
            {fieldError('second')}
          </div>
          <p id={`${base}-pref-hint`} className="hint">
            Each room has a limited number of places; if your first choice is full you go to your second.
          </p>
        </>
      )}
      <RoundPreferenceFields event={event} choices={roundChoices} onChange={setRoundChoices} errors={roundErrors} />
      {info && (
        <>
          <div className="field">
            <label htmlFor={id('accessibilityNeeds')}>Accessibility needs</label>
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
              Optional: tell the organisers what would help you take part (for example captions or a sign-language interpreter).
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
              I agree that the organisers use my registration data to run this workshop, as the{' '}
              <a href="/privacy" target="_blank" rel="noopener" data-testid="privacy-link">
                privacy notice
              </a>{' '}
              explains *
            </label>
          </div>
          <p id={`${base}-consent-hint`} className="hint">
            Privacy notice of {info.privacyNoticeVersion}: the organisers and moderators see your details; others see only your name in the rooms you join. Audio and video are not recorded.
          </p>
          {fieldError('consent')}
        </>
      )}
      <button type="submit" disabled={sending}>
        {sending ? 'Registering…' : 'Register'}
      </button>
    </form>
  );
}
