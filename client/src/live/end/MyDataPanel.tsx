import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { deleteMyData, problemOf } from '../../net/api.js';
import { forgetCredential } from '../../session/credential.js';
import { downloadSigned } from '../../net/download.js';
import { announce } from '../../session/store/actions.js';

/** An attendee's own data: download it as JSON, or delete it (after a confirmation). */
export function MyDataPanel({ credential }: { credential: string }) {
  const [confirming, setConfirming] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const download = useMutation({
    mutationFn: () => downloadSigned('/api/me/data', credential, 'my-data.json'),
    onSuccess: () => announce('Your data is downloading.'),
  });
  const erase = useMutation({
    mutationFn: () => deleteMyData(credential),
    onMutate: () => download.reset(),
    onSuccess: () => {
      forgetCredential();
      announce('Your data has been deleted.', 'assertive');
    },
    onError: () => setConfirming(false),
  });
  const deletion = erase.isSuccess ? 'deleted' : erase.isPending ? 'deleting' : confirming ? 'confirming' : 'idle';
  const problem = problemOf(erase, 'Your data could not be deleted; try again.') ?? problemOf(download, 'The download failed; try again.');

  if (deletion === 'deleted') {
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
        <button type="button" className="secondary" onClick={() => {
          erase.reset();
          download.mutate();
        }} data-testid="download-my-data">
          Download my data
        </button>
        <button
          ref={deleteButton}
          type="button"
          className="danger"
          onClick={() => setConfirming(true)}
          disabled={deletion !== 'idle'}
          data-testid="delete-my-data"
        >
          Delete my data
        </button>
      </div>
      {(deletion === 'confirming' || deletion === 'deleting') && (
        <div className="confirm" role="alertdialog" aria-modal="false" aria-labelledby="delete-title" aria-describedby="delete-text" onKeyDown={(e) => e.key === 'Escape' && setConfirming(false)}>
          <h4 id="delete-title">Delete all your data?</h4>
          <p id="delete-text">
            Your registration, attendance and certificate are deleted for good, and your join link stops working. Download your certificate first if
            you want to keep it. Chat messages you wrote stay, marked as from a deleted participant.
          </p>
          <div className="row">
            <button type="button" className="danger" onClick={() => erase.mutate()} disabled={deletion === 'deleting'} autoFocus data-testid="confirm-delete-my-data">
              {deletion === 'deleting' ? 'Deleting…' : 'Yes, delete my data'}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setConfirming(false);
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
