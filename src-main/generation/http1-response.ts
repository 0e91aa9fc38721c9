/**
 * The parts of an HTTP/1.1 response that a result download needs, as pure functions over bytes: the head, and
 * where the body ends (RFC 9112 section 6). The download connection feeds them straight from the socket's
 * read buffer, so body bytes are never copied to be parsed.
 */

export interface ResponseHead {
  status: number;
  /** Lower-case names; repeated fields joined with ", " as RFC 9110 allows for list-valued fields. */
  headers: Readonly<Record<string, string>>;
}

export type HeadParse =
  | { kind: 'incomplete' }
  | { kind: 'invalid'; reason: string }
  /** `length`: bytes the head (and any interim 1xx heads before it) took from the start of the input. */
  | { kind: 'head'; head: ResponseHead; length: number };

/** Longer heads are refused: no storage server sends one, and it bounds what a bad peer can make us hold. */
export const maxHeadBytes = 64 * 1024;

const statusLinePattern = /^HTTP\/1\.[01] ([1-9]\d\d)(?: [^\r\n]*)?$/;
const fieldPattern = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*$/;

/** Index just past the blank line that ends a head starting at `from`, or -1. Accepts bare LF as RFC 9112 allows. */
function headEnd(bytes: Uint8Array, from: number): number {
  for (let index = from; index < bytes.length; index += 1) {
    if (bytes[index] !== 0x0a) continue;
    if (bytes[index + 1] === 0x0a) return index + 2;
    if (bytes[index + 1] === 0x0d && bytes[index + 2] === 0x0a) return index + 3;
  }
  return -1;
}

function parseOneHead(text: string): ResponseHead | string {
  const lines = text.split(/\r?\n/);
  const status = statusLinePattern.exec(lines[0] ?? '');
  if (!status) return 'the status line is not HTTP/1.x';
  // A Map, so a field named like an Object property (`constructor`, `__proto__`) is only ever a field.
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const field = fieldPattern.exec(line);
    if (!field) return 'a header line is malformed';
    const name = (field[1] ?? '').toLowerCase();
    const value = field[2] ?? '';
    const earlier = headers.get(name);
    headers.set(name, earlier === undefined ? value : `${earlier}, ${value}`);
  }
  return { status: Number(status[1]), headers: Object.fromEntries(headers) };
}

/** Parses the final response head at the start of `bytes`, skipping interim 1xx heads (e.g. 103 Early Hints). */
export function parseResponseHead(bytes: Uint8Array): HeadParse {
  let start = 0;
  for (;;) {
    const end = headEnd(bytes, start);
    if (end > maxHeadBytes) return { kind: 'invalid', reason: 'the response head is too long' };
    if (end < 0) {
      return bytes.length > maxHeadBytes
        ? { kind: 'invalid', reason: 'the response head is too long' }
        : { kind: 'incomplete' };
    }
    const head = parseOneHead(
      Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start)
        .toString('latin1')
        .trimEnd(),
    );
    if (typeof head === 'string') return { kind: 'invalid', reason: head };
    if (head.status >= 200 || head.status === 101) return { kind: 'head', head, length: end };
    start = end;
  }
}

export type BodyFraming =
  | { kind: 'length'; length: number }
  | { kind: 'chunked' }
  /** No length given: the body is whatever arrives until the server closes the connection. */
  | { kind: 'close' };

/** How the body of a response to a GET ends, or why it cannot be read safely. */
export function bodyFraming(head: ResponseHead): BodyFraming | { kind: 'invalid'; reason: string } {
  if (head.status === 204 || head.status === 304) return { kind: 'length', length: 0 };
  const coding = head.headers['transfer-encoding'];
  if (coding !== undefined) {
    const codings = coding.split(',').map((part) => part.trim().toLowerCase());
    if (codings.at(-1) !== 'chunked') return { kind: 'close' };
    if (codings.length > 1) return { kind: 'invalid', reason: `the body is sent with ${coding}` };
    return { kind: 'chunked' };
  }
  const lengthField = head.headers['content-length'];
  if (lengthField === undefined) return { kind: 'close' };
  const lengths = new Set(lengthField.split(',').map((part) => part.trim()));
  const [only] = lengths;
  if (lengths.size !== 1 || only === undefined || !/^\d{1,15}$/.test(only)) {
    return { kind: 'invalid', reason: 'the Content-Length header is not one number' };
  }
  return { kind: 'length', length: Number(only) };
}

const maxChunkLineBytes = 4096;

/**
 * Removes chunked transfer coding in place: `decode` moves the data bytes of a buffer to its front and says how
 * many there are, so a socket can read into a file buffer and the framing is squeezed out without a copy of the
 * body. Keeps its position across calls, so framing may be split between reads anywhere.
 */
export class ChunkedDecoder {
  private state: 'size' | 'data' | 'data-end' | 'trailer' | 'done' = 'size';
  private line = '';
  private remaining = 0;
  private failure: string | undefined;

  get done(): boolean {
    return this.state === 'done';
  }

  /** Why the framing is broken, once it is. */
  get error(): string | undefined {
    return this.failure;
  }

  /**
   * Decodes `buffer[0, length)` and returns the number of data bytes now at `buffer[0, n)`. Bytes after the end
   * of the body are ignored.
   */
  decode(buffer: Uint8Array, length: number): number {
    let read = 0;
    let written = 0;
    while (read < length && this.state !== 'done' && this.failure === undefined) {
      if (this.state === 'data') {
        const take = Math.min(this.remaining, length - read);
        if (written !== read) buffer.copyWithin(written, read, read + take);
        written += take;
        read += take;
        this.remaining -= take;
        if (this.remaining === 0) this.state = 'data-end';
        continue;
      }
      const newline = buffer.subarray(read, length).indexOf(0x0a);
      const lineEnd = newline < 0 ? length : read + newline;
      this.line += Buffer.from(buffer.buffer, buffer.byteOffset + read, lineEnd - read).toString('latin1');
      read = lineEnd;
      if (this.line.length > maxChunkLineBytes) {
        this.failure = 'a chunk header is too long';
        break;
      }
      if (lineEnd === length) break;
      read += 1;
      const line = this.line.replace(/\r$/, '');
      this.line = '';
      this.endLine(line);
    }
    return written;
  }

  private endLine(line: string): void {
    if (this.state === 'data-end') {
      if (line === '') this.state = 'size';
      else this.failure = 'a chunk is longer than its stated size';
      return;
    }
    if (this.state === 'trailer') {
      if (line === '') this.state = 'done';
      return;
    }
    const size = /^([0-9a-fA-F]{1,12})[ \t]*(?:;.*)?$/.exec(line);
    if (!size) {
      this.failure = 'a chunk size is not hexadecimal';
      return;
    }
    this.remaining = Number.parseInt(size[1] ?? '', 16);
    this.state = this.remaining === 0 ? 'trailer' : 'data';
  }
}
