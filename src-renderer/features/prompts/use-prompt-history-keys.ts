import type { KeyboardEvent } from 'react';
import { useAppStore } from '../../app/use-app-store';
import { controlIdFor } from '../generate/controls';
import { matchShortcut } from '../../shortcuts/shortcut-table';

/**
 * Ctrl/Cmd+Up and Down in the prompt box walk back and forth through the prompts sent; any other key there ends
 * the walk, so the next Ctrl/Cmd+Up starts again from the newest. Answers whether it handled the key.
 */
export function usePromptHistoryKeys(): (event: KeyboardEvent) => boolean {
  const step = useAppStore((s) => s.stepPromptHistory);
  const end = useAppStore((s) => s.endHistoryWalk);
  return (event) => {
    if (!(event.target instanceof HTMLElement) || event.target.id !== controlIdFor('prompt')) return false;
    const walk = matchShortcut(event, ['generate.historyBack', 'generate.historyForward']);
    if (walk) {
      event.preventDefault();
      void step(walk === 'generate.historyBack' ? -1 : 1);
      return true;
    }
    if (!['Control', 'Meta', 'Shift', 'Alt'].includes(event.key)) end();
    return false;
  };
}
