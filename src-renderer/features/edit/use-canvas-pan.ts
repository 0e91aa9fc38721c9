import { useEffect, useRef, useState, type MouseEvent, type PointerEvent } from 'react';
import { isInDialog, isTyping } from '../../dom/keyboard-target';
import { matches } from '../../shortcuts/shortcut-table';

/** `ready`: Space is held, so a drag pans; `dragging`: a pan is under way. The cursor shows a hand for both. */
export type PanState = 'ready' | 'dragging' | null;

interface PanStart {
  pointerId: number;
  x: number;
  y: number;
  left: number;
  top: number;
}

/**
 * Space (from the shortcut table) means "pan" unless a field, a dialog or an open list has the keys (there it
 * types a space, presses a button or chooses), or a control has the focus while the pointer is away from the
 * canvas: a person who tabbed to "Apply edit" presses it with Space, while one who clicked "Zoom in" and holds
 * Space over the canvas means to pan.
 */
function spaceCanPan(target: EventTarget | null, overCanvas: boolean): boolean {
  if (isTyping(target) || isInDialog(target)) return false;
  if (!(target instanceof Element)) return true;
  // An open pop-up list (the model picker) chooses with Space, wherever the pointer is.
  if (target.closest('[role="listbox"]')) return false;
  if (overCanvas) return true;
  return target.closest('button, a[href], [role="button"], [role="radio"], [tabindex]') === null;
}

/**
 * Panning the canvas as image editors do: hold Space and drag, or drag with the middle button. The handlers go
 * on the scrolling viewport; the drag moves its scroll position, and the canvas inside never sees it (no mark
 * is drawn).
 */
export function useCanvasPan() {
  const [spaceHeld, setSpaceHeld] = useState(false);
  const [start, setStart] = useState<PanStart | null>(null);
  const held = useRef(false);
  const overCanvas = useRef(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!matches(event, 'edit.pan') || !spaceCanPan(event.target, overCanvas.current)) return;
      // Space would scroll the viewport or press the focused button.
      event.preventDefault();
      held.current = true;
      setSpaceHeld(true);
    };
    const release = () => {
      held.current = false;
      setSpaceHeld(false);
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key !== ' ' || !held.current) return;
      event.preventDefault();
      release();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    // A Space released in another window never comes back as a keyup here.
    window.addEventListener('blur', release);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', release);
    };
  }, []);

  const end = (event: PointerEvent<HTMLElement>) => {
    if (start?.pointerId !== event.pointerId) return;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) {
      event.currentTarget.releasePointerCapture(event.pointerId);
    }
    setStart(null);
  };

  const handlers = {
    /** Runs before the canvas's own handler, so a pan never starts a mark. */
    onPointerDownCapture: (event: PointerEvent<HTMLElement>) => {
      const element = event.currentTarget;
      const pans = event.button === 1 || (event.button === 0 && spaceHeld);
      if (!pans) return;
      event.preventDefault();
      event.stopPropagation();
      element.setPointerCapture(event.pointerId);
      setStart({
        pointerId: event.pointerId,
        x: event.clientX,
        y: event.clientY,
        left: element.scrollLeft,
        top: element.scrollTop,
      });
    },
    onPointerMove: (event: PointerEvent<HTMLElement>) => {
      const element = event.currentTarget;
      if (start?.pointerId !== event.pointerId) return;
      element.scrollLeft = start.left - (event.clientX - start.x);
      element.scrollTop = start.top - (event.clientY - start.y);
    },
    onPointerEnter: () => {
      overCanvas.current = true;
    },
    onPointerLeave: () => {
      overCanvas.current = false;
    },
    onPointerUp: end,
    onPointerCancel: end,
    /** The middle button's own meaning (autoscroll on Windows, pasting on Linux) would fight the pan. */
    onMouseDown: (event: MouseEvent<HTMLElement>) => {
      if (event.button === 1) event.preventDefault();
    },
  };

  const state: PanState = start ? 'dragging' : spaceHeld ? 'ready' : null;
  return { state, handlers };
}
