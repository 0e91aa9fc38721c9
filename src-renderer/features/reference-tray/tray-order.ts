/** Moves one item to a new index, clamped to the list; returns the same array when nothing moves. */
export function moveItem<T>(items: readonly T[], from: number, to: number): readonly T[] {
  const target = Math.max(0, Math.min(to, items.length - 1));
  if (from < 0 || from >= items.length || from === target) return items;
  const next = items.slice();
  const [moved] = next.splice(from, 1);
  if (moved === undefined) return items;
  next.splice(target, 0, moved);
  return next;
}

/** Adds images not already present (by id), keeping order, up to `room` of them; reports what was skipped. */
export function appendUnique<T extends { id: number }>(
  items: readonly T[],
  incoming: readonly T[],
  capacity: number,
): { items: T[]; duplicates: T[]; overflow: T[] } {
  const next = items.slice();
  const duplicates: T[] = [];
  const overflow: T[] = [];
  for (const item of incoming) {
    if (next.some((existing) => existing.id === item.id)) duplicates.push(item);
    else if (next.length >= capacity) overflow.push(item);
    else next.push(item);
  }
  return { items: next, duplicates, overflow };
}
