import { useId, type ReactNode } from 'react';

/** One group of settings: its title and what it is about on the left, its controls on the right. */
export function SettingsSection({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="settings-section" aria-labelledby={`${id}-title`}>
      <div className="settings-section__about">
        <h2 id={`${id}-title`}>{title}</h2>
        {description && <p className="settings-section__description">{description}</p>}
      </div>
      <div className="settings-section__controls">{children}</div>
    </section>
  );
}
