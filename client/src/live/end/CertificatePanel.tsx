import { useQuery } from '@tanstack/react-query';
import type { MyCertificate } from '@live-workshop/shared';
import { ApiError, certificateJwtUrl, fetchMyCertificate } from '../../net/api.js';

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
  if (!(error instanceof ApiError)) return { status: 'failed', message: 'Your certificate could not be fetched; try again.' };
  if (error.status === 409) return { status: 'not-yet', message: error.message };
  if (error.status === 403 || error.status === 404) return { status: 'refused', message: error.message };
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
      <h3 id="certificate-heading">Your certificate of participation</h3>
      <div aria-live="polite">
        {state.status === 'asking' && <p role="status">Preparing your certificate…</p>}
        {state.status === 'issued' && (
          <>
            <p>
              Your certificate is ready. It is a signed credential (Open Badges 3.0) that anyone can check.
            </p>
            <ul className="link-list">
              <li>
                <a href={`/certificates/${encodeURIComponent(state.certificate.id)}`} target="_blank" rel="noopener" data-testid="certificate-page-link">
                  Open the certificate page
                </a>{' '}
                <span className="hint">(to print or save as PDF)</span>
              </li>
              <li>
                <a href={`/verify/${encodeURIComponent(state.certificate.id)}`} target="_blank" rel="noopener" data-testid="certificate-verify-link">
                  Check that it is valid
                </a>
              </li>
              <li>
                <a href={certificateJwtUrl(state.certificate.id)} download={`certificate-${state.certificate.id}.jwt`} data-testid="certificate-jwt-link">
                  Download the credential (JWT)
                </a>{' '}
                <span className="hint">(for a digital wallet or to send to someone who wants to check it)</span>
              </li>
            </ul>
          </>
        )}
        {state.status === 'not-yet' && (
          <>
            <p data-testid="certificate-refusal">{state.message}</p>
            <button type="button" className="secondary" onClick={ask}>
              Ask again
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
              Try again
            </button>
          </>
        )}
      </div>
    </section>
  );
}
