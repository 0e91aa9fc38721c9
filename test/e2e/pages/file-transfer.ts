import type { JSHandle, Page } from '@playwright/test';
import type { FileSpec } from './library-page';

/** What the page's DOM offers for building a transfer; the spec project has no DOM types. */
interface TransferDom {
  DataTransfer: new () => { items: { add(file: unknown): void } };
  File: new (parts: Uint8Array[], name: string, options: { type: string }) => unknown;
}

/**
 * A DataTransfer of File objects built inside the page, as the OS hands a drop or a paste of files to the
 * page. Dispose of it after use.
 */
export function fileTransfer(page: Page, files: FileSpec[]): Promise<JSHandle> {
  const payload = files.map((file) => ({
    name: file.name,
    mimeType: file.mimeType,
    base64: file.buffer.toString('base64'),
  }));
  return page.evaluateHandle((entries) => {
    const dom = globalThis as unknown as TransferDom;
    const transfer = new dom.DataTransfer();
    for (const entry of entries) {
      const bytes = Uint8Array.from(atob(entry.base64), (char) => char.charCodeAt(0));
      transfer.items.add(new dom.File([bytes], entry.name, { type: entry.mimeType }));
    }
    return transfer;
  }, payload);
}
