import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { channels } from '../../src-preload/contract/ipc';
import type { Dispatch, Sender } from '../../src-main/ipc/dispatch';
import { registerIpc } from '../../src-main/ipc/electron-ipc';

type Listener = (event: IpcMainInvokeEvent, input: unknown) => unknown;

describe('registerIpc', () => {
  it('registers exactly the contract channels and reports the real sender frame', async () => {
    const registered = new Map<string, Listener>();
    const fakeIpcMain = { handle: (name: string, listener: Listener) => registered.set(name, listener) };
    const seen: Sender[] = [];
    const dispatch: Dispatch = (_channel, _input, sender) => {
      seen.push(sender);
      return Promise.resolve({ ok: true, value: null });
    };
    registerIpc(fakeIpcMain as unknown as IpcMain, dispatch);
    expect([...registered.keys()].sort()).toEqual(Object.keys(channels).sort());

    const mainFrame = { url: 'app://studio/index.html' };
    const childFrame = { url: 'app://studio/index.html' };
    const listener = registered.get('key:status');
    expect(listener).toBeDefined();
    const call = (frame: object | null) =>
      listener?.({ senderFrame: frame, sender: { mainFrame } } as unknown as IpcMainInvokeEvent, undefined);
    await call(mainFrame);
    await call(childFrame);
    await call(null);
    expect(seen).toEqual([
      { url: 'app://studio/index.html', isMainFrame: true },
      { url: 'app://studio/index.html', isMainFrame: false },
      { url: '', isMainFrame: false },
    ]);
  });
});
