import type { EventName, EventPayload } from '../../src-preload/contract/ipc';

/** Sends a contract event to the renderer: over webContents in Electron, over a binding in the Chromium driver. */
export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
