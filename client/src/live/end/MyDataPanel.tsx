import { useRef, useState } from 'react';
import { ApiError, deleteMyData } from '../../net/api.js';
import { forgetCredential } from '../../session/credential.js';
import { downloadSigned } from '../../net/download.js';
import { announce } from '../../session/store/actions.js';

type Deletion = { readonly status: 'idle' } | { readonly status: 'confirming' } | { readonly status: 'deleting' } | { readonly status: 'deleted' };

/** An attendee's own data: download it as JSON, or delete it (after a confirmation). */
export function MyDataPanel({ credential }: { credential: string }) {
  const [deletion, setDeletion] = useState<Deletion>({ status: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);

  const download = async () => {
    setProblem(null);
    try {
      await downloadSigned('/api/me/data', credential, 'my-data.json');
      announce('Your data is downloading.');
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : 'The download failed; try again.');
    }
  };

  const erase = async () => {
    setDeletion({ status: 'deleting' });
    setProblem(null);
    try {
      await deleteMyData(credential);
      forgetCredential();
      setDeletion({ status: 'deleted' });
      announce('Your data has been deleted.', 'assertive');
    } catch (e) {
      setDeletion({ status: 'idle' });
      setProblem(e instanceof ApiError ? e.message : 'Your data could not be deleted; try again.');
    }
  };

  if (deletion.status === 'deleted') {
    return (
      <section className="subpanel" aria-labelledby="my-data-heading" data-testid="my-data">
        <h3 id="my-data-heading">Your data</h3>
        <p role="status">Your data has been deleted. Your join link no longer works.</p>
      </section>
    );
  }
  return (
    <section className="subpanel" aria-labelledby="my-data-heading" data-testid="my-data">
      <h3 id="my-data-heading">Your data</h3>
      <p>
        You can download everything the organisers hold about you, or delete it. See the <a href="/privacy">privacy notice</a>.
      </p>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="row">
        <button type="button" className="secondary" onClick={() => void download()} data-testid="download-my-data">
          Download my data
        </button>
        <button
          ref={deleteButton}
          type="button"
          className="danger"
          onClick={() => setDeletion({ status: 'confirming' })}
          disabled={deletion.status !== 'idle'}
          data-testid="delete-my-data"
        >
          Delete my data
        </button>
      </div>
      {(deletion.status === 'confirming' || deletion.status === 'deleting') && (
        <div className="confirm" role="alertdialog" aria-modal="false" aria-labelledby="delete-title" aria-describedby="delete-text" onKeyDown={(e) => e.key === 'Escape' && setDeletion({ status: 'idle' })}>
          <h4 id="delete-title">Delete all your data?</h4>
          <p id="delete-text">
            Your registration, attendance and certificate are deleted for good, and your join link stops working. Download your certificate first if
            you want to keep it. Chat messages you wrote stay, marked as from a deleted participant.
          </p>
          <div className="row">
            <button type="button" className="danger" onClick={() => void erase()} disabled={deletion.status === 'deleting'} autoFocus data-testid="confirm-delete-my-data">
              {deletion.status === 'deleting' ? 'Deleting…' : 'Yes, delete my data'}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setDeletion({ status: 'idle' });
                deleteButton.current?.focus();
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
