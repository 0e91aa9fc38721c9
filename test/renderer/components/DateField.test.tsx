import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DateField } from '../../../src-renderer/components/DateField';
import { i18next } from '../../../src-renderer/i18n';
import { renderWithStore, testApp } from '../support/app-store';

function Harness({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DateField label="From" value={value} onChange={setValue} />
      <output>{value}</output>
    </>
  );
}

afterEach(async () => {
  await i18next.changeLanguage('en');
});

describe('<DateField>', () => {
  it('shows the date in the UI language and picks one from the month', async () => {
    renderWithStore(<Harness initial="2025-03-14" />, testApp());
    const button = screen.getByRole('button', { name: 'From Mar 14, 2025' });
    await userEvent.click(button);
    const month = screen.getByRole('grid', { name: 'March 2025' });
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Friday, March 14, 2025');
    await userEvent.keyboard('{ArrowRight}{ArrowDown}{Enter}');
    expect(screen.getByRole('status').textContent).toBe('2025-03-22');
    expect(month.isConnected).toBe(false);
  });

  it('writes Chinese dates in Chinese, with weeks from Monday', async () => {
    await act(async () => {
      await i18next.changeLanguage('zh-CN');
    });
    renderWithStore(<Harness initial="2025-03-14" />, testApp());
    await userEvent.click(screen.getByRole('button', { name: /From/ }));
    expect(screen.getByRole('button', { name: /From/ }).textContent).toBe('2025年3月14日');
    const month = screen.getByRole('grid', { name: '2025年3月' });
    expect(within(month).getAllByRole('columnheader')[0]?.textContent).toBe('周一');
  });

  it('clears the date', async () => {
    renderWithStore(<Harness initial="2025-03-14" />, testApp());
    await userEvent.click(screen.getByRole('button', { name: /From/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Clear date' }));
    expect(screen.getByRole('status').textContent).toBe('');
    expect(screen.getByRole('button', { name: 'From Any date' })).toBeTruthy();
  });
});
