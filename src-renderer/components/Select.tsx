import * as SelectPrimitive from '@radix-ui/react-select';
import { Icon } from './Icon';
import './Select.css';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
  /** A second, quieter line under the label in the open list (what a model can do, for example). */
  detail?: string;
  disabled?: boolean;
}

interface SelectProps<V extends string> {
  /** The trigger's id, so a `<label htmlFor>` names it. */
  id?: string;
  /** The name when no visible label points at the trigger. */
  'aria-label'?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  value: V;
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
  disabled?: boolean;
  className?: string;
}

/**
 * A pop-up list drawn like the OS's own (Radix Select: a combobox trigger, a listbox of options, type-ahead,
 * arrow keys, Escape), in place of a bare `<select>`, whose menu looks like a web page's in Electron.
 */
export function Select<V extends string>({
  id,
  value,
  options,
  onChange,
  disabled,
  className,
  ...aria
}: SelectProps<V>) {
  return (
    <SelectPrimitive.Root
      value={value}
      disabled={disabled}
      onValueChange={(next) => {
        const chosen = options.find((option) => option.value === next);
        if (chosen) onChange(chosen.value);
      }}
    >
      <SelectPrimitive.Trigger id={id} className={`select ${className ?? ''}`} {...aria}>
        {/* The chosen option's label alone; in the open list, an option's name includes its detail line. */}
        <SelectPrimitive.Value>
          {options.find((option) => option.value === value)?.label}
        </SelectPrimitive.Value>
        <SelectPrimitive.Icon className="select__chevron">
          <Icon name="chevron" size={14} />
        </SelectPrimitive.Icon>
      </SelectPrimitive.Trigger>
      <SelectPrimitive.Portal>
        <SelectPrimitive.Content className="select__content" position="popper" sideOffset={4}>
          <SelectPrimitive.Viewport className="select__viewport">
            {options.map((option) => (
              <SelectPrimitive.Item
                key={option.value}
                value={option.value}
                disabled={option.disabled}
                className="select__item"
              >
                <SelectPrimitive.ItemText>
                  <span className="select__label">{option.label}</span>
                  {option.detail && <span className="select__detail">{option.detail}</span>}
                </SelectPrimitive.ItemText>
                <SelectPrimitive.ItemIndicator className="select__check">
                  <Icon name="check" size={14} />
                </SelectPrimitive.ItemIndicator>
              </SelectPrimitive.Item>
            ))}
          </SelectPrimitive.Viewport>
        </SelectPrimitive.Content>
      </SelectPrimitive.Portal>
    </SelectPrimitive.Root>
  );
}
