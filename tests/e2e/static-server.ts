/**
 * Serves a built dist/ the way a plain static host would: files and directory
 * index.html only, no SPA fallback, so a lesson URL that works here works on any
 * file server.
 */
import { createServer, type Server } from 'node:http';
import sirv from 'sirv';

export async function serveStatic(dir: string, port = 0, headers: Record<string, string> = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const handler = sirv(dir, { dev: false, etag: true, single: false, dotfiles: false });
  // Long enough for the hostile-link tests' 20,000-character values; real hosts refuse far shorter URLs.
  const server: Server = createServer({ maxHeaderSize: 128 * 1024 }, (req, res) => {
    // Extra response headers, e.g. COOP/COEP to serve the site cross-origin isolated (wasm threads).
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    handler(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
  // Idle keep-alive sockets stay open: with Node's 5 s timeout, a client reusing a socket just
  // as the server closed it got ECONNRESET (seen once, with two test files at a time). close()
  // still ends idle sockets.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
