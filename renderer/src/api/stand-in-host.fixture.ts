/**
 * Tests only: a real HTTP server on 127.0.0.1 standing in for the browser host, so the HTTP bridge
 * is tested over a real socket. `answer` gets each request with its whole body and writes the
 * response; `base` is the API root to give createHttpBridge.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInHost {
  base: string;
  close(): Promise<void>;
}

export async function startStandInHost(answer: (req: IncomingMessage, body: string, res: ServerResponse) => void): Promise<StandInHost> {
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => answer(req, body, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
