import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FiltersButton } from '../../../../src-renderer/features/library/FilterBar';
import { renderWithStore, testApp } from '../../support/app-store';
import { browsing, newestFirst } from '../../support/catalog';
import { settle } from '../../support/manual-timers';

async function openFilters() {
  const images = newestFirst(3);
  const app = testApp(browsing(() => images));
  app.store.setState({
    libraryModels: ['doubao-seedream-4-0-250828'],
    libraryTags: [{ id: 7, name: 'portraits', imageCount: 3 }],
  });
  renderWithStore(<FiltersButton />, app);
  await userEvent.click(screen.getByRole('button', { name: /Filters/ }));
  return app;
}

async function choose(field: string, option: string) {
  await userEvent.click(screen.getByRole('combobox', { name: field }));
  await userEvent.click(await screen.findByRole('option', { name: option }));
  await act(settle);
}

describe('<FiltersButton>', () => {
  it('narrows by model, tag and size through pop-up lists drawn like the OS, and back to any', async () => {
    const app = await openFilters();
    const filters = () => app.store.getState().libraryQuery.filters;

    await choose('Model', 'Seedream 4.0');
    expect(filters().model).toBe('doubao-seedream-4-0-250828');
    await choose('Tag', 'portraits');
    expect(filters().tagId).toBe(7);
    await choose('Size', 'Over 4 MP');
    expect(filters().size).toBe('large');
    // A pop-up list the app draws (Radix Select's button), not a bare <select> whose menu looks like a web page's.
    const size = screen.getByRole('combobox', { name: 'Size' });
    expect(size.tagName).toBe('BUTTON');
    expect(size.textContent).toBe('Over 4 MP');

    await choose('Model', 'Any model');
    await choose('Tag', 'Any tag');
    expect(filters().model).toBeNull();
    expect(filters().tagId).toBeNull();
    // Every choice went to main as the list's query, and "any" leaves the field out.
    const sent = app.fake.callsTo('library:list').map((call) => call.filter);
    expect(sent).toContainEqual(expect.objectContaining({ model: 'doubao-seedream-4-0-250828' }));
    expect(sent).toContainEqual(expect.objectContaining({ tagId: 7 }));
    expect(sent.at(-1)).not.toHaveProperty('model');
    expect(sent.at(-1)).not.toHaveProperty('tagId');
  });
});
