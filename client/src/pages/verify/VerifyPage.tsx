import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { QueryProvider } from '../../net/queryClient.js';
import type { Verification, VerificationStatus } from '@live-workshop/shared';
import { ApiError, verifyCertificateId, verifyCertificateJwt } from '../../net/api.js';
import { currentLanguage, currentLocale, t } from '../../i18n/i18n.js';
import { Rich } from '../../i18n/Rich.js';
import { eventPath } from '../../net/eventBase.js';

const STATUS_WORDS: Record<VerificationStatus, { mark: string; className: string }> = {
  valid: { mark: '✓', className: 'verdict verdict-valid' },
  tampered: { mark: '✗', className: 'verdict verdict-tampered' },
  revoked: { mark: '!', className: 'verdict verdict-revoked' },
};

/** "24 October 2025, 11:00 CEST" in the reader's own zone, named so a printed copy is unambiguous. */
const dateTime = (at: string | number) =>
  new Intl.DateTimeFormat(currentLocale(), { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(
    typeof at === 'number' ? at : new Date(at),
  );

/** The holder's name as the credential states it (not hashed), or null. */
function holderOf(v: Verification): string | null {
  return v.credential?.credentialSubject.identifier?.find((i) => i.identityType === 'name' && !i.hashed)?.identityHash ?? null;
}

/** One verification outcome: the verdict in words and a mark, then what the certificate says. */
export function VerificationResult({ verification: v }: { verification: Verification }) {
  const words = STATUS_WORDS[v.status];
  const holder = holderOf(v);
  return (
    <section className={words.className} aria-labelledby="verdict-heading" data-testid="verification-result" data-status={v.status}>
      <h2 id="verdict-heading">
        <span aria-hidden="true" className="verdict-mark">
          {words.mark}
        </span>{' '}
        {t(`verify.status.${v.status}`)}
      </h2>
      <p>{currentLanguage() === 'en' ? v.message : t(`verify.message.${v.status}`)}</p>
      {v.revokedAt !== null && <p>{t('verify.revokedOn', { date: dateTime(v.revokedAt) })}</p>}
      {v.credential && (
        <dl className="facts">
          <dt>{t('verify.certificate')}</dt>
          <dd>{v.credential.name}</dd>
          {holder && (
            <>
              <dt>{t('verify.awardedTo')}</dt>
              <dd>{holder}</dd>
            </>
          )}
          <dt>{t('verify.issuedBy')}</dt>
          <dd>{v.credential.issuer.name}</dd>
          <dt>{t('verify.issuedOn')}</dt>
          <dd>{dateTime(v.credential.validFrom)}</dd>
          {v.credential.evidence && v.credential.evidence.length > 0 && (
            <>
              <dt>{t('verify.attended')}</dt>
              <dd>
                <ul>
                  {v.credential.evidence.map((e) => (
                    <li key={e.name}>
                      {e.name}
                      {e.description ? `: ${e.description}` : ''}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
      )}
      {v.certificateId && v.status !== 'tampered' && (
        <p>
          <a href={eventPath(`/certificates/${encodeURIComponent(v.certificateId)}${currentLanguage() === 'en' ? '' : `?lang=${currentLanguage()}`}`)}>{t('verify.openPage')}</a>
        </p>
      )}
    </section>
  );
}

/** `/verify` (paste a signed certificate) and `/verify/<id>` (check the one on record): valid, tampered or revoked. */
export function VerifyPage(props: { certificateId?: string | null }) {
  return (
    <QueryProvider>
      <VerifyChecks {...props} />
    </QueryProvider>
  );
}

function VerifyChecks({ certificateId = null }: { certificateId?: string | null }) {
  const [jwt, setJwt] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const fieldId = useId();
  // One check at a time on screen: the answer to the latest one (an earlier, slower answer is dropped).
  const check = useMutation({ mutationFn: (work: () => Promise<Verification>) => work() });
  const run = (work: () => Promise<Verification>) => check.mutate(work);

  useEffect(() => {
    document.title = t('verify.title');
    if (certificateId) run(() => verifyCertificateId(certificateId));
  }, [certificateId]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = jwt.trim();
    if (!text) {
      setInputError(t('verify.paste'));
      document.getElementById(fieldId)?.focus();
      return;
    }
    setInputError(null);
    run(() => verifyCertificateJwt(text));
  };

  return (
    <main className="page text-page" id="main">
      <p>
        <a href={eventPath('/')}>{t('privacyPage.back')}</a>
      </p>
      <div className="card">
        <h1>{t('verify.title')}</h1>
        <p>{t('verify.intro')}</p>
        <div aria-live="polite">
          {(check.isPending || (certificateId && check.isIdle)) && <p role="status">{t('verify.checking')}</p>}
          {check.isError && (
            <p className="notice notice-error" role="alert">
              {check.error instanceof ApiError && currentLanguage() === 'en' ? check.error.message : t('verify.failed')}
            </p>
          )}
          {check.isSuccess && <VerificationResult verification={check.data} />}
        </div>
        <form onSubmit={submit} noValidate className="verify-form">
          <div className="field">
            <label htmlFor={fieldId}>{certificateId ? t('verify.another') : t('verify.signed')}</label>
            <textarea
              id={fieldId}
              rows={5}
              spellCheck={false}
              value={jwt}
              onChange={(e) => setJwt(e.target.value)}
              aria-invalid={!!inputError}
              aria-describedby={inputError ? `${fieldId}-error` : `${fieldId}-hint`}
            />
            <p id={`${fieldId}-hint`} className="hint">
              <Rich text={(m) => t('verify.hint', m)} parts={{ file: <code>.jwt</code> }} />
            </p>
            {inputError && (
              <p id={`${fieldId}-error`} className="field-error">
                {inputError}
              </p>
            )}
          </div>
          <button type="submit" disabled={check.isPending}>
            {t('verify.verify')}
          </button>
        </form>
      </div>
    </main>
  );
}
