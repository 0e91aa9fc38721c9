/**
 * Pulls the values of one JSON string field (`"b64_json"`) out of a byte stream as it arrives, decoding each
 * from base64 in small pieces into a sink, and passes everything else through with each value replaced by
 * `"#<ordinal>"`. A 15-image 4K answer is hundreds of megabytes of JSON; this way neither the body nor any
 * image is ever held whole in memory, and the small remainder is parsed as ordinary JSON or SSE text.
 */
export interface DecodedSink {
  /** Returns a promise only when the caller must wait (the disk is behind). */
  write(bytes: Buffer): Promise<void> | undefined;
}

export interface ExtractorHandlers {
  openValue(ordinal: number): DecodedSink;
  closeValue(ordinal: number): void;
  text(bytes: Buffer): void;
}

function placeholderFor(ordinal: number): string {
  return `#${ordinal}`;
}

/** The ordinal a placeholder stands for, or undefined when the text is not one. */
export function ordinalOfPlaceholder(text: string): number | undefined {
  const match = /^#(\d+)$/.exec(text);
  return match ? Number(match[1]) : undefined;
}

const quote = 0x22;
const backslash = 0x5c;
const colon = 0x3a;
/** Some encoders write `/` as `\/`; other escapes (line breaks in wrapped base64) carry no data. */
const solidus = 0x2f;

function isJsonSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

function failureTable(pattern: Buffer): number[] {
  const table = [0];
  let length = 0;
  for (let index = 1; index < pattern.length; index += 1) {
    while (length > 0 && pattern[index] !== pattern[length]) length = table[length - 1] ?? 0;
    if (pattern[index] === pattern[length]) length += 1;
    table.push(length);
  }
  return table;
}

type State = 'seek' | 'colon' | 'quote' | 'value' | 'escape' | 'unicode';

export class Base64FieldExtractor {
  private readonly key: Buffer;
  private readonly table: number[];
  private readonly handlers: ExtractorHandlers;
  private state: State = 'seek';
  private matched = 0;
  private ordinal = 0;
  private sink: DecodedSink | undefined;
  /** Fewer than four base64 characters carried to the next piece, since base64 decodes in fours. */
  private carry: Buffer = Buffer.alloc(0);
  private unicodeDigits = '';

  constructor(handlers: ExtractorHandlers, fieldName = 'b64_json') {
    this.handlers = handlers;
    this.key = Buffer.from(JSON.stringify(fieldName));
    this.table = failureTable(this.key);
  }

  /** Whether a value is still open: the stream ended inside an image. */
  get inValue(): boolean {
    return this.state === 'value' || this.state === 'escape' || this.state === 'unicode';
  }

  async push(chunk: Buffer): Promise<void> {
    let index = 0;
    let textStart = 0;
    while (index < chunk.length) {
      if (this.inValue) {
        index = await this.consumeValue(chunk, index);
        textStart = index;
        continue;
      }
      const byte = chunk[index] ?? 0;
      if (this.state === 'seek') {
        this.advanceKey(byte);
      } else if (this.state === 'colon') {
        if (byte === colon) this.state = 'quote';
        else if (!isJsonSpace(byte)) this.restartSeek(byte);
      } else if (byte === quote) {
        if (index > textStart) this.handlers.text(chunk.subarray(textStart, index));
        this.openValue();
        index += 1;
        textStart = index;
        continue;
      } else if (!isJsonSpace(byte)) {
        this.restartSeek(byte);
      }
      index += 1;
    }
    if (!this.inValue && index > textStart) this.handlers.text(chunk.subarray(textStart, index));
  }

  private advanceKey(byte: number): void {
    while (this.matched > 0 && byte !== this.key[this.matched])
      this.matched = this.table[this.matched - 1] ?? 0;
    if (byte === this.key[this.matched]) this.matched += 1;
    if (this.matched === this.key.length) {
      this.matched = 0;
      this.state = 'colon';
    }
  }

  private restartSeek(byte: number): void {
    this.state = 'seek';
    this.matched = 0;
    this.advanceKey(byte);
  }

  private openValue(): void {
    this.handlers.text(Buffer.from(`"${placeholderFor(this.ordinal)}"`));
    this.sink = this.handlers.openValue(this.ordinal);
    this.state = 'value';
  }

  /** Consumes value bytes from `start`; returns where the caller continues. */
  private async consumeValue(chunk: Buffer, start: number): Promise<number> {
    if (this.state !== 'value') return this.consumeEscaped(chunk, start);
    const escape = chunk.indexOf(backslash, start);
    const limit = escape === -1 ? chunk.length : escape;
    const end = chunk.subarray(start, limit).indexOf(quote);
    if (end !== -1) {
      await this.decode(chunk.subarray(start, start + end));
      await this.closeValue();
      return start + end + 1;
    }
    await this.decode(chunk.subarray(start, limit));
    if (escape === -1) return chunk.length;
    this.state = 'escape';
    return escape + 1;
  }

  private async consumeEscaped(chunk: Buffer, start: number): Promise<number> {
    const byte = chunk[start] ?? 0;
    if (this.state === 'escape') {
      if (byte === 0x75) {
        this.state = 'unicode';
        this.unicodeDigits = '';
        return start + 1;
      }
      this.state = 'value';
      if (byte === solidus) await this.decode(Buffer.of(solidus));
      return start + 1;
    }
    this.unicodeDigits += String.fromCharCode(byte);
    if (this.unicodeDigits.length === 4) {
      this.state = 'value';
      const code = Number.parseInt(this.unicodeDigits, 16);
      if (code < 0x80) await this.decode(Buffer.of(code));
    }
    return start + 1;
  }

  private async decode(piece: Buffer): Promise<void> {
    if (piece.length === 0) return;
    const data = this.carry.length === 0 ? piece : Buffer.concat([this.carry, piece]);
    const usable = data.length - (data.length % 4);
    this.carry = Buffer.from(data.subarray(usable));
    if (usable > 0) await this.emit(Buffer.from(data.toString('latin1', 0, usable), 'base64'));
  }

  private async emit(bytes: Buffer): Promise<void> {
    const pending = this.sink?.write(bytes);
    if (pending) await pending;
  }

  private async closeValue(): Promise<void> {
    if (this.carry.length > 0) await this.emit(Buffer.from(this.carry.toString('latin1'), 'base64'));
    this.carry = Buffer.alloc(0);
    this.sink = undefined;
    this.handlers.closeValue(this.ordinal);
    this.ordinal += 1;
    this.state = 'seek';
  }
}
