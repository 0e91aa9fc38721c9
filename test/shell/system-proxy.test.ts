import { describe, expect, it } from 'vitest';
import { electronSystemProxy } from '../../src-main/shell/system-proxy';

describe('electronSystemProxy', () => {
  it("asks Electron's session for each address and reads its PAC-style answer", async () => {
    const asked: string[] = [];
    const answers: Record<string, string> = {
      'https://api.cometapi.com/v1/images/generations': 'PROXY proxy.corp:8080; DIRECT',
      'https://cdn.example/x.jpeg?sig=1': 'DIRECT',
    };
    const route = electronSystemProxy({
      resolveProxy: (url) => {
        asked.push(url);
        return Promise.resolve(answers[url] ?? 'SOCKS4 old.corp:1080');
      },
    });
    expect(await route('https://api.cometapi.com/v1/images/generations')).toEqual({
      kind: 'proxy',
      url: 'http://proxy.corp:8080',
    });
    expect(await route('https://cdn.example/x.jpeg?sig=1')).toEqual({ kind: 'direct' });
    expect(await route('https://elsewhere/')).toMatchObject({ kind: 'unusable' });
    expect(asked).toEqual([
      'https://api.cometapi.com/v1/images/generations',
      'https://cdn.example/x.jpeg?sig=1',
      'https://elsewhere/',
    ]);
  });
});
