import { createContext, useContext } from 'react';

/** What components may ask of the media layer (the move manager implements it). */
export interface MediaControls {
  setScreenShare(enabled: boolean): Promise<void>;
  startAudio(): Promise<void>;
}

const noop: MediaControls = { setScreenShare: async () => undefined, startAudio: async () => undefined };

/** Provided by the join page. */
export const MediaControlsContext = createContext<MediaControls>(noop);

/** The media controls of the page. */
export const useMediaControls = (): MediaControls => useContext(MediaControlsContext);
