import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ErrorNotice } from '../../../src-renderer/components/ErrorNotice';
import { renderWithStore, testApp } from '../support/app-store';

describe('<ErrorNotice>', () => {
  it('titles the error by its code and offers to go to the control it names', async () => {
    const onFocusField = vi.fn();
    renderWithStore(
      <ErrorNotice
        error={{ code: 'content-rejected', message: 'The prompt mentions a person.' }}
        onFocusField={onFocusField}
      />,
      testApp(),
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The provider rejected the content');
    expect(alert.textContent).toContain('The prompt mentions a person.');
    await userEvent.click(screen.getByRole('button', { name: 'Change the prompt' }));
    expect(onFocusField).toHaveBeenCalledWith('prompt');
  });

  it('offers no control to go to when the place showing it has none', () => {
    renderWithStore(
      <ErrorNotice error={{ code: 'bad-request', message: 'Bad size.', field: 'size' }} />,
      testApp(),
    );
    expect(screen.queryByRole('button', { name: 'Change the size' })).toBeNull();
  });

  it('leads to Settings for a key problem', async () => {
    const app = testApp();
    renderWithStore(<ErrorNotice error={{ code: 'key-missing', message: 'No key.' }} />, app);
    await userEvent.click(screen.getByRole('button', { name: 'Open Settings' }));
    expect(app.store.getState().view).toBe('settings');
  });

  it('counts down a rate limit from when it happened', () => {
    vi.useFakeTimers({ now: 100_000 });
    try {
      renderWithStore(
        <ErrorNotice
          error={{ code: 'rate-limited', message: 'Slow down.', retryAfterSeconds: 3 }}
          since={99_000}
        />,
        testApp(),
      );
      expect(screen.getByText('Wait 2 seconds before trying again.')).toBeTruthy();
      act(() => {
        vi.advanceTimersByTime(2_000);
      });
      expect(screen.getByText('You can try again now.')).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('falls back to a general title for a code it has no words for', () => {
    renderWithStore(
      <ErrorNotice error={{ code: 'some-new-code' as 'internal', message: 'Something new happened.' }} />,
      testApp(),
    );
    expect(screen.getByRole('alert').textContent).toContain('Something went wrong');
  });
});
