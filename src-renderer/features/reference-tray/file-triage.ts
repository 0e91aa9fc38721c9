import { incomingLimits } from '../../../src-preload/contract/library-types';

/**
 * First look at dropped, pasted or picked files before their bytes are read and sent to main. Main judges
 * every file by its content; this only refuses what is certain from the outside (a known non-image type, an
 * empty file, a file too large to be worth reading, no room left), so one bad file never holds up the rest.
 */
export interface CandidateFile {
  name: string;
  size: number;
  type: string;
}

export type RefusalReason = 'not-image' | 'empty' | 'too-large' | 'tray-full';

export interface Refusal<F extends CandidateFile> {
  file: F;
  reason: RefusalReason;
}

export interface Triage<F extends CandidateFile> {
  accepted: F[];
  refused: Refusal<F>[];
}

/** Main converts or downsizes anything up to this (and refuses more); larger files are not even read. */
export const maxReadableBytes = incomingLimits.fileBytes;

const imageExtensions = new Set([
  'jpg',
  'jpeg',
  'jfif',
  'png',
  'webp',
  'bmp',
  'tif',
  'tiff',
  'gif',
  'heic',
  'heif',
  'avif',
]);

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * Browsers leave the type empty for names they do not know, and some systems label images oddly, so only a
 * declared non-image type together with a non-image extension counts as certain.
 */
export function looksLikeNonImage(file: CandidateFile): boolean {
  const declared = file.type.toLowerCase();
  if (declared.startsWith('image/')) return false;
  if (imageExtensions.has(extensionOf(file.name))) return false;
  return declared !== '' || extensionOf(file.name) !== '';
}

export function triageFiles<F extends CandidateFile>(files: readonly F[], room: number): Triage<F> {
  const accepted: F[] = [];
  const refused: Refusal<F>[] = [];
  for (const file of files) {
    let reason: RefusalReason | null = null;
    if (looksLikeNonImage(file)) reason = 'not-image';
    else if (file.size === 0) reason = 'empty';
    else if (file.size > maxReadableBytes) reason = 'too-large';
    else if (accepted.length >= room) reason = 'tray-full';
    if (reason === null) accepted.push(file);
    else refused.push({ file, reason });
  }
  return { accepted, refused };
}
