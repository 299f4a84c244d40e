/**
 * The review page: `/review/` (a static shell), `/review/app.js`, `/review/app.css`. The shell holds
 * no data; everything it shows comes from the reviewer API with the token the reviewer enters. Its
 * CSP allows only this origin's script, style and API: no inline script, no eval, no framing.
 */
import type { FastifyInstance } from 'fastify';
import { reviewPageAssets } from './assets';

export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pharmacheck hub: review reports</title>
<link rel="stylesheet" href="/review/app.css">
<script type="module" src="/review/app.js"></script>
</head>
<body>
<div id="app"><noscript>The review page needs JavaScript.</noscript></div>
</body>
</html>
`;

export async function reviewPageRoutes(app: FastifyInstance): Promise<void> {
  const assets = await reviewPageAssets();
  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', PAGE_CSP);
    reply.header('cache-control', 'no-cache');
  });
  app.get('/review', async (_request, reply) => reply.redirect('/review/', 301));
  app.get('/review/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(HTML));
  app.get('/review/app.js', async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(assets.js));
  app.get('/review/app.css', async (_request, reply) => reply.type('text/css; charset=utf-8').send(assets.css));
}
