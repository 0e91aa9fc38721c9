import type { KeyboardEvent } from 'react';
import { useAppStore } from '../../app/use-app-store';
import { controlIdFor } from '../generate/controls';

/**
 * Ctrl/Cmd+Up and Down in the prompt box walk back and forth through the prompts sent; any other key there ends
 * the walk, so the next Ctrl/Cmd+Up starts again from the newest. Answers whether it handled the key.
 */
export function usePromptHistoryKeys(): (event: KeyboardEvent) => boolean {
  const step = useAppStore((s) => s.stepPromptHistory);
  const end = useAppStore((s) => s.endHistoryWalk);
  return (event) => {
    if (!(event.target instanceof HTMLElement) || event.target.id !== controlIdFor('prompt')) return false;
    const chord = (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
    if (chord && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      void step(event.key === 'ArrowUp' ? -1 : 1);
      return true;
    }
    if (!['Control', 'Meta', 'Shift', 'Alt'].includes(event.key)) end();
    return false;
  };
}
