import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger } from '../../src-main/logging/logger';

let dir = '';

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('file logger', () => {
  it('writes lines with their level and details into logs/ under the given folder', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'logs-'));
    const logger = createFileLogger({ dir: path.join(dir, 'logs'), fileName: 'main.log' });
    logger.info('started', { version: '0.1.0' });
    logger.error('library startup failed', new Error('disk full'));
    const text = readFileSync(path.join(dir, 'logs', 'main.log'), 'utf8');
    expect(text).toMatch(/\[info\]\s+started \{ version: '0\.1\.0' \}/);
    expect(text).toMatch(/\[error\]\s+library startup failed Error: disk full/);
  });

  it('rotates past its size, keeping only the newest few files', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'logs-'));
    const logger = createFileLogger({ dir, fileName: 'cli.log', maxBytes: 2_000, keep: 2 });
    for (let line = 0; line < 200; line += 1) logger.info(`line ${line} ${'x'.repeat(60)}`);
    expect(readdirSync(dir).sort()).toEqual(['cli.1.log', 'cli.2.log', 'cli.log']);
    expect(readFileSync(path.join(dir, 'cli.log'), 'utf8')).toContain('line 199');
    expect(readFileSync(path.join(dir, 'cli.1.log'), 'utf8')).not.toContain('line 199');
  });

  it('keeps two loggers apart', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'logs-'));
    createFileLogger({ dir, fileName: 'main.log' }).info('from the app');
    createFileLogger({ dir, fileName: 'cli.log' }).info('from the command line');
    expect(readFileSync(path.join(dir, 'main.log'), 'utf8')).not.toContain('command line');
    expect(readFileSync(path.join(dir, 'cli.log'), 'utf8')).not.toContain('from the app');
  });
});
