import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { PrivacyNotice } from '@live-workshop/shared';
import { failureWords, fetchPrivacyNotice } from '../../net/api.js';
import { QueryProvider } from '../../net/queryClient.js';

/** `/privacy`: the privacy notice people consent to when they register, as the server words it. */
export function PrivacyPage() {
  return (
    <QueryProvider>
      <PrivacyNoticeContent />
    </QueryProvider>
  );
}

function PrivacyNoticeContent() {
  const query = useQuery({ queryKey: ['privacy-notice'], queryFn: fetchPrivacyNotice, retry: false, staleTime: Infinity });
  const title = query.data?.title;
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
  const state: { notice: PrivacyNotice } | { error: string } | null = query.isError
    ? { error: failureWords(query.error, 'The privacy notice could not be loaded.') }
    : query.data ? { notice: query.data } : null;
  return (
    <main className="page text-page" id="main">
      <p>
        <a href="/">← Back to the event page</a>
      </p>
      {state === null && <p role="status">Loading the privacy notice…</p>}
      {state && 'error' in state && (
        <p className="notice notice-error" role="alert">
          {state.error}
        </p>
      )}
      {state && 'notice' in state && (
        <article className="card" aria-labelledby="privacy-heading" data-testid="privacy-notice">
          <h1 id="privacy-heading">{state.notice.title}</h1>
          <p className="hint" data-testid="privacy-meta">
            Version of <time dateTime={state.notice.version}>{state.notice.version}</time>
            {state.notice.controller.length > 0 && <> · Responsible: {state.notice.controller.join(', ')}</>}
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
