import { useQuery } from '@tanstack/react-query';
import type { MyCertificate } from '@live-workshop/shared';
import { ApiError, certificateJwtUrl, fetchMyCertificate } from '../../net/api.js';
import { currentLanguage, t } from '../../i18n/i18n.js';
import { eventPath } from '../../net/eventBase.js';

/** Where my certificate stands: asked, issued, or refused in the server's words. */
type CertificateState =
  | { readonly status: 'asking' }
  | { readonly status: 'issued'; readonly certificate: MyCertificate }
  /** Before the end (409): worth asking again. */
  | { readonly status: 'not-yet'; readonly message: string }
  /** Below the attendance threshold, revoked, or not registered (403/404): the message says which. */
  | { readonly status: 'refused'; readonly message: string }
  | { readonly status: 'failed'; readonly message: string };

function stateOf(error: unknown): CertificateState {
  if (!(error instanceof ApiError)) return { status: 'failed', message: t('certificate.fetchFailed') };
  // The server's reasons are English; another language reads ours for the same case.
  const english = currentLanguage() === 'en';
  if (error.status === 409) return { status: 'not-yet', message: english ? error.message : t('certificate.notYet') };
  if (error.status === 403 || error.status === 404) return { status: 'refused', message: english ? error.message : t('certificate.refused') };
  return { status: 'failed', message: error.message };
}

/** "Your certificate of participation": links to the page, the verification and the signed credential, or why there is none. */
export function CertificatePanel({ credential }: { credential: string }) {
  const query = useQuery({ queryKey: ['my-certificate', credential], queryFn: () => fetchMyCertificate(credential), retry: false, staleTime: Infinity });
  const state: CertificateState = query.isFetching || query.isPending
    ? { status: 'asking' }
    : query.isError ? stateOf(query.error) : { status: 'issued', certificate: query.data };
  const ask = () => void query.refetch();

  return (
    <section className="subpanel" aria-labelledby="certificate-heading" data-testid="certificate">
      <h3 id="certificate-heading">{t('certificate.heading')}</h3>
      <div aria-live="polite">
        {state.status === 'asking' && <p role="status">{t('certificate.preparing')}</p>}
        {state.status === 'issued' && (
          <>
            <p>
              {t('certificate.ready')}
            </p>
            <ul className="link-list">
              <li>
                <a href={eventPath(`/certificates/${encodeURIComponent(state.certificate.id)}`)} target="_blank" rel="noopener" data-testid="certificate-page-link">
                  {t('certificate.openPage')}
                </a>{' '}
                <span className="hint">{t('certificate.toPrint')}</span>
              </li>
              <li>
                <a href={eventPath(`/verify/${encodeURIComponent(state.certificate.id)}`)} target="_blank" rel="noopener" data-testid="certificate-verify-link">
                  {t('certificate.check')}
                </a>
              </li>
              <li>
                <a href={certificateJwtUrl(state.certificate.id)} download={`certificate-${state.certificate.id}.jwt`} data-testid="certificate-jwt-link">
                  {t('certificate.download')}
                </a>{' '}
                <span className="hint">{t('certificate.forWallet')}</span>
              </li>
            </ul>
          </>
        )}
        {state.status === 'not-yet' && (
          <>
            <p data-testid="certificate-refusal">{state.message}</p>
            <button type="button" className="secondary" onClick={ask}>
              {t('certificate.askAgain')}
            </button>
          </>
        )}
        {state.status === 'refused' && <p data-testid="certificate-refusal">{state.message}</p>}
        {state.status === 'failed' && (
          <>
            <p className="field-error" role="alert">
              {state.message}
            </p>
            <button type="button" className="secondary" onClick={ask}>
              {t('certificate.tryAgain')}
            </button>
          </>
        )}
      </div>
    </section>
  );
}
