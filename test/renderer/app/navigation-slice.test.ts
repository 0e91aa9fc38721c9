import { describe, expect, it } from 'vitest';
import { viewFromHash } from '../../../src-renderer/app/navigation-slice';
import { testApp } from '../support/app-store';

describe('the navigation slice', () => {
  it('opens on the view it was given and goes where it is told', () => {
    const { store } = testApp({}, { initialView: 'settings' });
    expect(store.getState().view).toBe('settings');
    store.getState().navigate('library');
    expect(store.getState().view).toBe('library');
  });

  it('reads the view from the address, Generate for anything else', () => {
    expect(viewFromHash('#/library')).toBe('library');
    expect(viewFromHash('#settings')).toBe('settings');
    expect(viewFromHash('#/nowhere')).toBe('generate');
    expect(viewFromHash('')).toBe('generate');
  });
});
