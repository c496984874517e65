import { useState } from 'react';
import { sendCommand } from '../../session/socket.js';
import { setHandRaised } from '../../session/store/actions.js';
import { useLw } from '../../session/useLw.js';
import { t } from '../../i18n/i18n.js';

/** Raise or lower your hand to ask a question. */
export function RaiseHand() {
  const raised = useLw((s) => s.ui.handRaised);
  const [busy, setBusy] = useState(false);
  const toggle = async () => {
    setBusy(true);
    const result = await sendCommand(raised ? { type: 'lowerOwnHand' } : { type: 'raiseHand' });
    if (result.ok) setHandRaised(!raised);
    setBusy(false);
  };
  return (
    <div className="raise-hand">
      <button type="button" aria-pressed={raised} disabled={busy} onClick={() => void toggle()} data-testid="raise-hand">
        {raised ? t('hands.lower') : t('hands.raise')}
      </button>
      {raised && <p className="hint">{t('hands.raisedHint')}</p>}
    </div>
  );
}
