import { forwardRef, type ButtonHTMLAttributes } from 'react';
import { Icon, type IconName } from './Icon';

interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  icon: IconName;
  /** The button's name, also shown as its tooltip. */
  label: string;
  /** The key that does the same, added to the tooltip ("Hide details (I)"). */
  shortcut?: string;
}

/**
 * A button that shows only an icon: its name is the label (for screen readers and tests), its tooltip the label
 * and the key that does the same. Forwards its ref, so it can be a Radix trigger (`asChild`).
 */
export const IconButton = forwardRef<HTMLButtonElement, IconButtonProps>(function IconButton(
  { icon, label, shortcut, className = 'button button--icon', type = 'button', ...rest },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type}
      className={className}
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      {...rest}
    >
      <Icon name={icon} />
    </button>
  );
});
