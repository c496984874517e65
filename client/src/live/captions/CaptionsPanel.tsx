import { useMutation } from '@tanstack/react-query';
import { downloadSigned } from '../../net/download.js';
import { problemOf } from '../../net/api.js';
import { QueryProvider } from '../../net/queryClient.js';
import { currentCredential } from '../../session/credential.js';
import { announce } from '../../session/store/actions.js';
import { useAssignedRoom, usePhase } from '../../session/useLw.js';
import { setCaptionsShown, useLiveSegment } from '../segment/liveSegmentStore.js';
import { t } from '../../i18n/i18n.js';

/** Final lines shown at once under the stage (older ones are in the transcript). */
const SHOWN_LINES = 3;

/** Live captions of our room under the stage or in a breakout: turned on or off by each viewer; the transcript to download. */
export function CaptionsPanel() {
  const roomId = useAssignedRoom();
  const shown = useLiveSegment((s) => s.captions.shown);
  const all = useLiveSegment((s) => s.captions.lines);
  const interim = useLiveSegment((s) => (roomId ? s.captions.interim[roomId] : undefined));
  const lines = all.filter((l) => l.roomId === roomId);
  if (!roomId) return null;
  return (
    <section className="captions" aria-label={t('captions.label')} data-testid="captions">
      <div className="row">
        <button type="button" className="secondary" aria-pressed={shown} onClick={() => setCaptionsShown(!shown)} data-testid="captions-toggle">
          {shown ? t('captions.hide') : t('captions.show')}
        </button>
        {lines.length > 0 && <QueryProvider><TranscriptDownload roomId={roomId} /></QueryProvider>}
      </div>
      {shown && (
        // Not a live region: a screen reader would read the captions over the speech they caption.
        <div className="caption-lines" data-testid="caption-lines">
          {lines.length === 0 && !interim && <p className="hint">{t('captions.none')}</p>}
          {lines.slice(-SHOWN_LINES).map((l) => <p key={l.id} className="caption-line" data-testid="caption-line">{l.text}</p>)}
          {interim && <p className="caption-line caption-interim" data-testid="caption-interim">{interim.text}</p>}
        </div>
      )}
    </section>
  );
}

/** The transcript of this room's captions for the current agenda item. */
function TranscriptDownload({ roomId }: { roomId: string }) {
  const phase = usePhase();
  const item = phase && 'itemIndex' in phase ? phase.itemIndex : null;
  const download = useMutation({
    mutationFn: () => {
      const credential = currentCredential();
      if (!credential) throw new Error('no credential');
      const query = new URLSearchParams({ roomId, ...(item === null ? {} : { item: String(item) }) });
      return downloadSigned(`/api/captions/transcript?${query}`, credential, 'captions.txt');
    },
    onSuccess: (name) => announce(t('captions.downloading', { name })),
  });
  const problem = problemOf(download, t('captions.downloadFailed'));
  return (
    <>
      <button type="button" className="secondary" disabled={download.isPending} onClick={() => download.mutate()} data-testid="captions-transcript">
        {t('captions.download')}
      </button>
      {problem && <span className="field-error" role="alert">{problem}</span>}
    </>
  );
}
