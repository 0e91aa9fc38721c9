import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { z } from 'zod';

const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean().default(false),
});

export type WindowState = z.infer<typeof boundsSchema>;

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const defaultSize = { width: 1440, height: 900 };

/**
 * A saved position is only reused when most of the window would land on a display that still exists; otherwise
 * the window opens at the default size (centred by Electron), so a disconnected monitor never hides the app.
 */
export function fitToDisplays(saved: WindowState | null, workAreas: Area[]): Partial<WindowState> {
  if (!saved) return { ...defaultSize };
  const visible = workAreas.some((area) => {
    const overlapX = Math.min(saved.x + saved.width, area.x + area.width) - Math.max(saved.x, area.x);
    const overlapY = Math.min(saved.y + saved.height, area.y + area.height) - Math.max(saved.y, area.y);
    return overlapX >= Math.min(200, saved.width / 2) && overlapY >= Math.min(100, saved.height / 2);
  });
  return visible ? saved : { ...defaultSize, maximized: saved.maximized };
}

export function loadWindowState(file: string): WindowState | null {
  try {
    const parsed = boundsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify(state));
  renameSync(temp, file);
}
