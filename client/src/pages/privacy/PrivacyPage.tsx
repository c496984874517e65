import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { PrivacyNotice } from '@live-workshop/shared';
import { failureWords, fetchPrivacyNotice } from '../../net/api.js';
import { QueryProvider } from '../../net/queryClient.js';
import { t } from '../../i18n/i18n.js';
import { Rich } from '../../i18n/Rich.js';
import { useLanguage } from '../../i18n/useT.js';
import { eventPath } from '../../net/eventBase.js';

/** `/privacy`: the privacy notice people consent to when they register, as the server words it. */
export function PrivacyPage() {
  return (
    <QueryProvider>
      <PrivacyNoticeContent />
    </QueryProvider>
  );
}

function PrivacyNoticeContent() {
  const language = useLanguage();
  const query = useQuery({ queryKey: ['privacy-notice', language], queryFn: () => fetchPrivacyNotice(language), retry: false, staleTime: Infinity });
  const title = query.data?.title;
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
  const state: { notice: PrivacyNotice } | { error: string } | null = query.isError
    ? { error: failureWords(query.error, t('privacyPage.loadFailed')) }
    : query.data ? { notice: query.data } : null;
  return (
    <main className="page text-page" id="main">
      <p>
        <a href={eventPath('/')}>{t('privacyPage.back')}</a>
      </p>
      {state === null && <p role="status">{t('privacyPage.loading')}</p>}
      {state && 'error' in state && (
        <p className="notice notice-error" role="alert">
          {state.error}
        </p>
      )}
      {state && 'notice' in state && (
        <article className="card" aria-labelledby="privacy-heading" data-testid="privacy-notice">
          <h1 id="privacy-heading">{state.notice.title}</h1>
          <p className="hint" data-testid="privacy-meta">
            <Rich text={(m) => t('privacyPage.version', m)} parts={{ version: <time dateTime={state.notice.version}>{state.notice.version}</time> }} />
            {state.notice.controller.length > 0 && <> · {t('privacyPage.responsible', { names: state.notice.controller.join(', ') })}</>}
          </p>
          {state.notice.sections.map((s) => (
            <section key={s.heading}>
              <h2>{s.heading}</h2>
              <p>{s.text}</p>
            </section>
          ))}
        </article>
      )}
    </main>
  );
}
