import { useEffect, useState } from 'react';
import type { PrivacyNotice } from '@live-workshop/shared';
import { ApiError, fetchPrivacyNotice } from '../../net/api.js';

/** `/privacy`: the privacy notice people consent to when they register, as the server words it. */
export function PrivacyPage() {
  const [state, setState] = useState<{ notice: PrivacyNotice } | { error: string } | null>(null);
  useEffect(() => {
    fetchPrivacyNotice()
      .then((notice) => {
        document.title = notice.title;
        setState({ notice });
      })
      .catch((e: unknown) => setState({ error: e instanceof ApiError ? e.message : 'The privacy notice could not be loaded.' }));
  }, []);
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
