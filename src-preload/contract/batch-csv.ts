import Papa from 'papaparse';
import { blockingIssues, generationRequestSchema, validateGenerationRequest } from './generation';
import type { GenerationRequest, GenerationRequestInput } from './generation';
import { sizePresetSchema } from './models';
import { parseExactSize } from './request-size';

/**
 * A batch as a CSV file: a header row naming request fields (API or app spelling, any case: `prompt`, `model`,
 * `size`, `max_images`...), then one request per row. Parsing is papaparse's (quoted fields, embedded commas
 * and line breaks, CRLF, a byte-order mark); this module maps columns to fields and reports every bad row by
 * its line in the file, so a user can fix the file rather than guess.
 */

export interface CsvRow {
  /** The file line where the row starts (1 is the header). */
  line: number;
  request: GenerationRequest;
}

export interface CsvProblem {
  /** 0 when the problem is the file as a whole. */
  line: number;
  message: string;
}

export interface CsvBatch {
  rows: CsvRow[];
  problems: CsvProblem[];
}

type Field = keyof GenerationRequestInput;

/** Column names, lower case without `_`, `-` or spaces, and the field each one fills. */
const columns: Record<string, Field> = {
  prompt: 'prompt',
  model: 'model',
  size: 'size',
  responseformat: 'responseFormat',
  outputformat: 'outputFormat',
  watermark: 'watermark',
  guidancescale: 'guidanceScale',
  seed: 'seed',
  sequential: 'sequential',
  sequentialimagegeneration: 'sequential',
  maximages: 'maxImages',
  stream: 'stream',
};

const columnKey = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/gu, '');

function booleanCell(text: string): boolean | string {
  const value = text.trim().toLowerCase();
  if (['true', 'yes', '1', 'y'].includes(value)) return true;
  if (['false', 'no', '0', 'n'].includes(value)) return false;
  return text;
}

function numberCell(text: string): number | string {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(value) ? value : text;
}

/** A cell as its field wants it; anything unreadable stays text, so the schema names the field that is wrong. */
function cellValue(field: Field, text: string): unknown {
  switch (field) {
    case 'watermark':
    case 'stream':
      return booleanCell(text);
    case 'guidanceScale':
    case 'seed':
    case 'maxImages':
      return numberCell(text);
    case 'size': {
      const trimmed = text.trim();
      const preset = sizePresetSchema.safeParse(trimmed.toUpperCase());
      if (preset.success) return preset.data;
      return parseExactSize(trimmed.toLowerCase()) ?? text;
    }
    case 'prompt':
      return text;
    default:
      return text.trim();
  }
}

/** Lines before `offset`, counted the way an editor numbers them (CRLF and LF both end a line). */
function lineCounter(text: string): (offset: number) => number {
  let counted = 0;
  let line = 1;
  return (offset) => {
    for (; counted < offset; counted += 1) if (text.charCodeAt(counted) === 10) line += 1;
    return line;
  };
}

/**
 * Reads a batch file. `defaults` fill fields the file has no column for (or leaves empty), such as the model
 * chosen in the app. Rows that are valid are returned even when others are not; the caller decides whether to
 * go on without the bad ones.
 */
export function parseBatchCsv(text: string, defaults: Partial<GenerationRequestInput> = {}): CsvBatch {
  // One kind of line break, so a file edited on Windows and elsewhere keeps no stray \r in its cells.
  const source = (text.startsWith('\uFEFF') ? text.slice(1) : text).replace(/\r\n?/gu, '\n');
  const lineAt = lineCounter(source);
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  let header: (Field | undefined)[] | undefined;
  let rowStart = 0;

  Papa.parse<string[]>(source, {
    delimitersToGuess: [',', ';', '\t'],
    step: (result) => {
      const start = rowStart;
      rowStart = result.meta.cursor;
      const line = lineAt(start);
      const cells = result.data;
      if (cells.every((cell) => cell.trim() === '')) return;
      // Guessing the delimiter is a notice, not a fault of the row.
      const errors = result.errors.filter((error) => error.type !== 'Delimiter');
      for (const error of errors) problems.push({ line, message: `Line ${line}: ${error.message}.` });
      if (errors.length > 0) return;
      if (!header) {
        header = cells.map((name) => columns[columnKey(name)]);
        const unknown = cells.filter((name, index) => header?.[index] === undefined && name.trim() !== '');
        if (unknown.length > 0) {
          problems.push({
            line,
            message: `Line ${line}: unknown column ${unknown.map((name) => `"${name.trim()}"`).join(', ')}; columns are request fields such as prompt, model, size, max_images.`,
          });
        }
        if (!header.includes('prompt'))
          problems.push({ line, message: `Line ${line}: the header has no "prompt" column.` });
        return;
      }
      if (!header.includes('prompt')) return;
      if (cells.length > header.length) {
        problems.push({
          line,
          message: `Line ${line}: ${cells.length} cells, but the header names ${header.length} columns.`,
        });
        return;
      }
      const input: Record<string, unknown> = { ...defaults };
      cells.forEach((cell, index) => {
        const field = header?.[index];
        if (field && cell.trim() !== '') input[field] = cellValue(field, cell);
      });
      const parsed = generationRequestSchema.safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.join('.') ?? '';
        problems.push({
          line,
          message: `Line ${line}: ${field ? `${field}: ` : ''}${issue?.message ?? 'not a valid request'}.`,
        });
        return;
      }
      const blocking = blockingIssues(validateGenerationRequest(parsed.data, { referenceCount: 0 }));
      if (blocking.length > 0) {
        problems.push({ line, message: `Line ${line}: ${blocking.map((found) => found.message).join(' ')}` });
        return;
      }
      rows.push({ line, request: parsed.data });
    },
  });
  if (!header)
    problems.push({ line: 0, message: 'The file is empty: it needs a header row and one row per request.' });
  return { rows, problems };
}
