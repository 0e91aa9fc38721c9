import type { ReactNode } from 'react';

export function ViewHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="view__header">
      <h1 id="view-title">{title}</h1>
      {children}
    </header>
  );
}
