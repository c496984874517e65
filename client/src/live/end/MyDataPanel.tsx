import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { deleteMyData, problemOf } from '../../net/api.js';
import { forgetCredential } from '../../session/credential.js';
import { downloadSigned } from '../../net/download.js';
import { announce } from '../../session/store/actions.js';
import { t } from '../../i18n/i18n.js';
import { Rich } from '../../i18n/Rich.js';
import { eventPath } from '../../net/eventBase.js';

/** An attendee's own data: download it as JSON, or delete it (after a confirmation). */
export function MyDataPanel({ credential }: { credential: string }) {
  const [confirming, setConfirming] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const download = useMutation({
    mutationFn: () => downloadSigned('/api/me/data', credential, 'my-data.json'),
    onSuccess: () => announce(t('mydata.downloading')),
  });
  const erase = useMutation({
    mutationFn: () => deleteMyData(credential),
    onMutate: () => download.reset(),
    onSuccess: () => {
      forgetCredential();
      announce(t('mydata.deleted'), 'assertive');
    },
    onError: () => setConfirming(false),
  });
  const deletion = erase.isSuccess ? 'deleted' : erase.isPending ? 'deleting' : confirming ? 'confirming' : 'idle';
  const problem = problemOf(erase, t('mydata.deleteFailed')) ?? problemOf(download, t('mydata.downloadFailed'));

  if (deletion === 'deleted') {
    return (
      <section className="subpanel" aria-labelledby="my-data-heading" data-testid="my-data">
        <h3 id="my-data-heading">{t('mydata.heading')}</h3>
        <p role="status">{t('mydata.deletedNote')}</p>
      </section>
    );
  }
  return (
    <section className="subpanel" aria-labelledby="my-data-heading" data-testid="my-data">
      <h3 id="my-data-heading">{t('mydata.heading')}</h3>
      <p>
        <Rich text={(m) => t('mydata.intro', m)} parts={{ link: <a href={eventPath('/privacy')}>{t('mydata.privacyNotice')}</a> }} />
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
          {t('mydata.downloadMine')}
        </button>
        <button
          ref={deleteButton}
          type="button"
          className="danger"
          onClick={() => setConfirming(true)}
          disabled={deletion !== 'idle'}
          data-testid="delete-my-data"
        >
          {t('mydata.deleteMine')}
        </button>
      </div>
      {(deletion === 'confirming' || deletion === 'deleting') && (
        <div className="confirm" role="alertdialog" aria-modal="false" aria-labelledby="delete-title" aria-describedby="delete-text" onKeyDown={(e) => e.key === 'Escape' && setConfirming(false)}>
          <h4 id="delete-title">{t('mydata.confirmTitle')}</h4>
          <p id="delete-text">
            {t('mydata.confirmText')}
          </p>
          <div className="row">
            <button type="button" className="danger" onClick={() => erase.mutate()} disabled={deletion === 'deleting'} autoFocus data-testid="confirm-delete-my-data">
              {deletion === 'deleting' ? t('mydata.deleting') : t('mydata.yesDelete')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setConfirming(false);
                deleteButton.current?.focus();
              }}
            >
              {t('mydata.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
