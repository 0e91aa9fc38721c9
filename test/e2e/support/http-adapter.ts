import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

export type WebHandler = (request: Request) => Promise<Response>;

function toWebRequest(req: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  return new Request(`${origin}${req.url ?? '/'}`, { method: req.method ?? 'GET', headers });
}

async function sendWebResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    res.setHeader(name, value);
  });
  if (!response.body) {
    res.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>)
      .on('error', reject)
      .pipe(res)
      .on('finish', resolve)
      .on('error', reject);
  });
}

/**
 * Serves the web-standard protocol handlers that Electron registers with `protocol.handle` over plain HTTP on
 * loopback, so the Chromium driver exercises the same code: the first route whose prefix matches wins.
 */
export async function serveWebHandlers(routes: { prefix: string; handler: WebHandler }[]): Promise<{
  origin: string;
  close: () => Promise<void>;
}> {
  let origin = '';
  const server: Server = createServer((req, res) => {
    const route = routes.find((candidate) => (req.url ?? '/').startsWith(candidate.prefix));
    if (!route) {
      res.statusCode = 404;
      res.end();
      return;
    }
    route
      .handler(toWebRequest(req, origin))
      .then((response) => sendWebResponse(response, res))
      .catch(() => {
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The e2e server has no TCP address.');
  origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
