import { describe, expect, it } from 'vitest';
import {
  bodyFraming,
  ChunkedDecoder,
  maxHeadBytes,
  parseResponseHead,
  type ResponseHead,
} from '../../src-main/generation/http1-response';

const latin1 = (text: string) => Buffer.from(text, 'latin1');

function head(status: number, headers: Record<string, string> = {}): ResponseHead {
  return { status, headers };
}

describe('parseResponseHead', () => {
  it('parses a CRLF head and says where the body starts', () => {
    const bytes = latin1(
      'HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length:   10  \r\nX-Empty:\r\n\r\nBODY',
    );
    expect(parseResponseHead(bytes)).toEqual({
      kind: 'head',
      head: { status: 200, headers: { 'content-type': 'image/jpeg', 'content-length': '10', 'x-empty': '' } },
      length: bytes.length - 4,
    });
  });

  it('accepts bare LF line ends, HTTP/1.0 and a status line without a reason', () => {
    const bytes = latin1('HTTP/1.0 404\nServer: tos\n\nnot found');
    expect(parseResponseHead(bytes)).toEqual({
      kind: 'head',
      head: { status: 404, headers: { server: 'tos' } },
      length: bytes.length - 'not found'.length,
    });
  });

  it('reads a head from a view into a larger buffer without looking outside it', () => {
    const whole = latin1('junkHTTP/1.1 201 Created\r\nA: b\r\n\r\nrest');
    const view = whole.subarray(4);
    expect(parseResponseHead(view)).toMatchObject({
      kind: 'head',
      head: { status: 201, headers: { a: 'b' } },
      length: view.length - 4,
    });
  });

  it('skips 100 and 103 interim heads, keeping only the final head fields', () => {
    const bytes = latin1(
      'HTTP/1.1 100 Continue\r\n\r\n' +
        'HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n' +
        'HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc',
    );
    expect(parseResponseHead(bytes)).toEqual({
      kind: 'head',
      head: { status: 200, headers: { 'content-length': '3' } },
      length: bytes.length - 3,
    });
  });

  it('is incomplete after an interim head until the final head is whole', () => {
    const bytes = latin1('HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 200 OK\r\nA: b\r\n');
    expect(parseResponseHead(bytes)).toEqual({ kind: 'incomplete' });
  });

  it('joins repeated header fields with a comma, whatever their case', () => {
    const bytes = latin1(
      'HTTP/1.1 200 OK\r\nVary: Origin\r\nX-Other: 1\r\nVARY: Accept\r\nvary: Range\r\n\r\n',
    );
    const parsed = parseResponseHead(bytes);
    expect(parsed).toMatchObject({
      kind: 'head',
      head: { headers: { vary: 'Origin, Accept, Range', 'x-other': '1' } },
    });
  });

  it('keeps header fields whose names are also names of object properties', () => {
    const bytes = latin1('HTTP/1.1 200 OK\r\nConstructor: a\r\n__proto__: b\r\n\r\n');
    const parsed = parseResponseHead(bytes);
    expect(parsed).toMatchObject({ kind: 'head' });
    if (parsed.kind !== 'head') return;
    const { headers } = parsed.head;
    expect(Object.getOwnPropertyDescriptor(headers, 'constructor')?.value).toBe('a');
    expect(Object.getOwnPropertyDescriptor(headers, '__proto__')?.value).toBe('b');
  });

  it.each([
    ['HTTP/2 200 OK\r\n\r\n'],
    ['HTTP/1.1 20 OK\r\n\r\n'],
    ['HTTP/1.1 2000 OK\r\n\r\n'],
    ['HTTP/1.1 200OK\r\n\r\n'],
    ['HTTP/1.1 099 Odd\r\n\r\n'],
    ['http/1.1 200 OK\r\n\r\n'],
    ['ICY 200 OK\r\n\r\n'],
    ['SSH-2.0-OpenSSH_9.6\r\n\r\n'],
  ])('refuses the malformed status line %j', (text) => {
    expect(parseResponseHead(latin1(text))).toMatchObject({ kind: 'invalid' });
  });

  it.each([
    ['a line without a colon', 'HTTP/1.1 200 OK\r\nno colon here\r\n\r\n'],
    ['a space before the colon', 'HTTP/1.1 200 OK\r\nContent-Length : 5\r\n\r\n'],
    ['a space inside the name', 'HTTP/1.1 200 OK\r\nContent Length: 5\r\n\r\n'],
    ['an obsolete folded line', 'HTTP/1.1 200 OK\r\nX-A: one\r\n two\r\n\r\n'],
    ['an empty name', 'HTTP/1.1 200 OK\r\n: value\r\n\r\n'],
  ])('refuses %s', (_name, text) => {
    expect(parseResponseHead(latin1(text))).toMatchObject({ kind: 'invalid' });
  });

  it('is incomplete at every length short of the blank line, for CRLF and bare LF heads', () => {
    for (const text of [
      'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nA: b\r\n\r\n',
      'HTTP/1.1 200 OK\nA: b\n\n',
    ]) {
      const bytes = latin1(text);
      for (let length = 0; length < bytes.length; length += 1) {
        expect(parseResponseHead(bytes.subarray(0, length)), `${JSON.stringify(text)} at ${length}`).toEqual({
          kind: 'incomplete',
        });
      }
      expect(parseResponseHead(bytes)).toMatchObject({ kind: 'head', length: bytes.length });
    }
  });

  it('refuses an unfinished head once it is longer than the limit', () => {
    const start = 'HTTP/1.1 200 OK\r\nX-Pad: ';
    const under = latin1(start + 'a'.repeat(maxHeadBytes - start.length));
    expect(parseResponseHead(under)).toEqual({ kind: 'incomplete' });
    const over = latin1(start + 'a'.repeat(maxHeadBytes + 1 - start.length));
    expect(parseResponseHead(over)).toMatchObject({ kind: 'invalid' });
  });

  it('refuses a whole head longer than the limit', () => {
    const bytes = latin1(`HTTP/1.1 200 OK\r\nX-Pad: ${'a'.repeat(maxHeadBytes)}\r\n\r\n`);
    expect(parseResponseHead(bytes)).toMatchObject({ kind: 'invalid' });
  });
});

describe('bodyFraming', () => {
  it('takes the Content-Length', () => {
    expect(bodyFraming(head(200, { 'content-length': '1234' }))).toEqual({ kind: 'length', length: 1234 });
    expect(bodyFraming(head(200, { 'content-length': '0' }))).toEqual({ kind: 'length', length: 0 });
  });

  it('accepts a Content-Length repeated with the same value', () => {
    expect(bodyFraming(head(200, { 'content-length': '42, 42' }))).toEqual({ kind: 'length', length: 42 });
    expect(bodyFraming(head(200, { 'content-length': '42,42,42' }))).toEqual({ kind: 'length', length: 42 });
  });

  it.each([['42, 43'], ['abc'], ['-1'], ['1e3'], ['+5'], [''], ['4 2'], ['0x10'], ['1234567890123456']])(
    'refuses the Content-Length %j',
    (value) => {
      expect(bodyFraming(head(200, { 'content-length': value }))).toMatchObject({ kind: 'invalid' });
    },
  );

  it('reads a chunked body, whatever the case of the coding', () => {
    expect(bodyFraming(head(200, { 'transfer-encoding': 'chunked' }))).toEqual({ kind: 'chunked' });
    expect(bodyFraming(head(200, { 'transfer-encoding': ' Chunked ' }))).toEqual({ kind: 'chunked' });
  });

  it('lets Transfer-Encoding win over Content-Length', () => {
    expect(bodyFraming(head(200, { 'transfer-encoding': 'chunked', 'content-length': '5' }))).toEqual({
      kind: 'chunked',
    });
  });

  it('refuses a body compressed under the chunking, which would not be the image bytes', () => {
    expect(bodyFraming(head(200, { 'transfer-encoding': 'gzip, chunked' }))).toMatchObject({
      kind: 'invalid',
    });
    expect(bodyFraming(head(200, { 'transfer-encoding': 'chunked, chunked' }))).toMatchObject({
      kind: 'invalid',
    });
  });

  it('reads until close when the last coding is not chunked', () => {
    expect(bodyFraming(head(200, { 'transfer-encoding': 'gzip' }))).toEqual({ kind: 'close' });
    expect(bodyFraming(head(200, { 'transfer-encoding': 'chunked, gzip', 'content-length': '9' }))).toEqual({
      kind: 'close',
    });
  });

  it('reads until close when no length is given', () => {
    expect(bodyFraming(head(200, { 'content-type': 'image/png' }))).toEqual({ kind: 'close' });
  });

  it('knows 204 and 304 have no body, whatever the headers say', () => {
    for (const status of [204, 304]) {
      expect(bodyFraming(head(status))).toEqual({ kind: 'length', length: 0 });
      expect(bodyFraming(head(status, { 'content-length': '100' }))).toEqual({ kind: 'length', length: 0 });
      expect(bodyFraming(head(status, { 'transfer-encoding': 'chunked' }))).toEqual({
        kind: 'length',
        length: 0,
      });
    }
  });
});

/** Bytes of every value, including CR, LF, ';' and hex digits, so data can be confused with framing. */
function sampleData(length: number): Buffer {
  const data = Buffer.alloc(length);
  for (let index = 0; index < length; index += 1) data[index] = (index * 37 + 11) % 256;
  data.write('\r\n0\r\n\r\n', 40, 'latin1');
  return data;
}

const data = sampleData(300);

/** Chunks of uneven sizes, upper- and lower-case hex, extensions with and without spaces, and trailer fields. */
const encoded = Buffer.concat([
  latin1('1a;name=value\r\n'),
  data.subarray(0, 26),
  latin1('\r\n'),
  latin1('A0 ; a=1;b="quoted; value"\r\n'),
  data.subarray(26, 186),
  latin1('\r\n'),
  latin1('1\r\n'),
  data.subarray(186, 187),
  latin1('\r\n'),
  latin1('6d\r\n'),
  data.subarray(187, 296),
  latin1('\r\n'),
  latin1('00004;last\r\n'),
  data.subarray(296, 300),
  latin1('\r\n'),
  latin1('0;final=yes\r\nX-Checksum: abc\r\nX-Other: 1\r\n\r\n'),
]);

/**
 * Feeds `pieces` the way a socket does: each read lands at the start of a buffer that is larger than the read
 * and whose unused part is full of line ends, so a decoder looking past `length` would be caught.
 */
function decodeReads(decoder: ChunkedDecoder, pieces: readonly Uint8Array[]): Buffer {
  const out: Buffer[] = [];
  for (const piece of pieces) {
    const buffer = Buffer.alloc(piece.length + 16, 'Z\r\n');
    buffer.set(piece);
    const count = decoder.decode(buffer, piece.length);
    expect(count).toBeLessThanOrEqual(piece.length);
    out.push(Buffer.from(buffer.subarray(0, count)));
  }
  return Buffer.concat(out);
}

describe('ChunkedDecoder', () => {
  it('decodes a body given in one read', () => {
    const decoder = new ChunkedDecoder();
    expect(decodeReads(decoder, [encoded])).toEqual(data);
    expect(decoder.done).toBe(true);
    expect(decoder.error).toBeUndefined();
  });

  it('decodes a body split in two at every possible point', () => {
    for (let split = 0; split <= encoded.length; split += 1) {
      const decoder = new ChunkedDecoder();
      const decoded = decodeReads(decoder, [encoded.subarray(0, split), encoded.subarray(split)]);
      expect(decoded.equals(data), `split at ${split}`).toBe(true);
      expect(decoder.done, `split at ${split}`).toBe(true);
      expect(decoder.error, `split at ${split}`).toBeUndefined();
    }
  });

  it('decodes a body given byte by byte, and is done only after the last byte', () => {
    const decoder = new ChunkedDecoder();
    const out: Buffer[] = [];
    for (let index = 0; index < encoded.length; index += 1) {
      expect(decoder.done, `before byte ${index}`).toBe(false);
      out.push(decodeReads(decoder, [encoded.subarray(index, index + 1)]));
    }
    expect(Buffer.concat(out)).toEqual(data);
    expect(decoder.done).toBe(true);
  });

  it('decodes bare LF line ends', () => {
    const decoder = new ChunkedDecoder();
    const body = latin1('5\nhello\n6;x=1\n world\n0\nTrailer: t\n\n');
    expect(decodeReads(decoder, [body]).toString('latin1')).toBe('hello world');
    expect(decoder.done).toBe(true);
  });

  it('decodes in place in a view that starts inside a larger buffer', () => {
    const backing = Buffer.alloc(encoded.length + 64, 0x41);
    backing.set(encoded, 32);
    const view = backing.subarray(32, 32 + encoded.length);
    const decoder = new ChunkedDecoder();
    const count = decoder.decode(view, view.length);
    expect(Buffer.from(view.subarray(0, count))).toEqual(data);
    expect(backing.subarray(0, 32).every((byte) => byte === 0x41)).toBe(true);
    expect(backing.subarray(32 + encoded.length).every((byte) => byte === 0x41)).toBe(true);
  });

  it('ignores bytes after the end of the body', () => {
    const decoder = new ChunkedDecoder();
    const withExtra = Buffer.concat([encoded, latin1('5\r\nextra\r\n0\r\n\r\nHTTP/1.1 200 OK\r\n')]);
    expect(decodeReads(decoder, [withExtra])).toEqual(data);
    expect(decoder.done).toBe(true);
    expect(decodeReads(decoder, [latin1('3\r\nmore\r\n')])).toEqual(Buffer.alloc(0));
    expect(decoder.error).toBeUndefined();
  });

  it('is not done while the trailer section is unfinished', () => {
    const decoder = new ChunkedDecoder();
    expect(decodeReads(decoder, [latin1('2\r\nok\r\n0\r\nX-A: 1\r\n')]).toString()).toBe('ok');
    expect(decoder.done).toBe(false);
    decodeReads(decoder, [latin1('\r\n')]);
    expect(decoder.done).toBe(true);
  });

  it.each([
    ['a size that is not hexadecimal', 'zz\r\nhello\r\n0\r\n\r\n'],
    ['a size written with 0x', '0x5\r\nhello\r\n0\r\n\r\n'],
    ['a negative size', '-5\r\nhello\r\n0\r\n\r\n'],
    ['an empty size line', '\r\nhello\r\n0\r\n\r\n'],
    ['a size with more than 12 digits', '0000000000005\r\nhello\r\n0\r\n\r\n'],
    ['a chunk longer than its size', '3\r\nabcd\r\n0\r\n\r\n'],
    ['a chunk not followed by a line end', '3\r\nabc3\r\ndef\r\n0\r\n\r\n'],
  ])('fails on %s and stays failed', (_name, text) => {
    const decoder = new ChunkedDecoder();
    decodeReads(decoder, [latin1(text)]);
    expect(decoder.error).toEqual(expect.any(String));
    expect(decoder.done).toBe(false);
    expect(decodeReads(decoder, [latin1('5\r\nhello\r\n0\r\n\r\n')])).toEqual(Buffer.alloc(0));
    expect(decoder.error).toEqual(expect.any(String));
  });

  it('fails on a size line that is too long, even before it ends', () => {
    const unfinished = new ChunkedDecoder();
    decodeReads(unfinished, [latin1(`5;${'x'.repeat(3000)}`), latin1('y'.repeat(3000))]);
    expect(unfinished.error).toEqual(expect.any(String));

    const whole = new ChunkedDecoder();
    decodeReads(whole, [latin1(`5;${'x'.repeat(5000)}\r\nhello\r\n0\r\n\r\n`)]);
    expect(whole.error).toEqual(expect.any(String));
    expect(whole.done).toBe(false);
  });

  it('fails on a trailer line that is too long', () => {
    const decoder = new ChunkedDecoder();
    decodeReads(decoder, [latin1(`2\r\nok\r\n0\r\nX-Pad: ${'p'.repeat(5000)}\r\n\r\n`)]);
    expect(decoder.error).toEqual(expect.any(String));
    expect(decoder.done).toBe(false);
  });
});
