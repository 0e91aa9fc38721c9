import { useLayoutEffect, useState } from 'react';

/** The box an element's content can use: its inner width without padding and scrollbar, and its height. */
function contentSize(element: HTMLElement): { width: number; height: number } {
  const style = getComputedStyle(element);
  const width = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return { width: Math.max(0, width), height: element.clientHeight };
}

/** Follows an element's content box as it resizes. */
export function useContentSize(ref: React.RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    // Measured before the first paint, so the first frame is already laid out for the final size.
    setSize(contentSize(element));
    const observer = new ResizeObserver(() => {
      setSize(contentSize(element));
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [ref]);
  return size;
}
