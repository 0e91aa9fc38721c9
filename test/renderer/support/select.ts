import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/** Opens the app's pop-up list named `name` and answers the names of its options, as a person reads them. */
export async function openOptions(user: UserEvent, name: string): Promise<string[]> {
  await user.click(screen.getByRole('combobox', { name }));
  const list = await screen.findByRole('listbox');
  return within(list)
    .getAllByRole('option')
    .map((option) => option.textContent);
}

/** Picks `option` from the app's pop-up list named `name` (Radix Select), with the pointer as a person does. */
export async function chooseOption(user: UserEvent, name: string, option: string): Promise<void> {
  await user.click(screen.getByRole('combobox', { name }));
  const list = await screen.findByRole('listbox');
  await user.click(within(list).getByRole('option', { name: option }));
}
