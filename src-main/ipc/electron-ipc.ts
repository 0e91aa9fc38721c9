import type { IpcMain, WebContents } from 'electron';
import { channels } from '../../src-preload/contract/ipc';
import type { Dispatch } from './dispatch';
import type { Emit } from './emit';

/** Connects every contract channel to the dispatcher; the sender is read from the frame Electron reports. */
export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch): void {
  for (const channel of Object.keys(channels)) {
    ipcMain.handle(channel, (event, input: unknown) => {
      const frame = event.senderFrame;
      return dispatch(channel, input, {
        url: frame?.url ?? '',
        isMainFrame: frame !== null && frame === event.sender.mainFrame,
      });
    });
  }
}

export function createEmitter(getContents: () => WebContents | null): Emit {
  return (event, payload) => {
    const contents = getContents();
    if (contents && !contents.isDestroyed()) contents.send(event, payload);
  };
}
