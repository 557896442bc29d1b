// Loopback feed server and self-written feeds and article pages for the `docket watch` tests.
// Nothing here is copied from any outlet; every server listens on 127.0.0.1 only.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  path: string;
  headers: IncomingMessage['headers'];
  /** Date.now() when the request arrived, and the injected clock's time when given. */
  at: number;
  clock: number | null;
}

export interface Loopback {
  base: string;
  requests: SeenRequest[];
  /** Requests for one path. */
  hits(path: string): SeenRequest[];
  close(): Promise<void>;
}

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** A server on 127.0.0.1 that records every request and answers from `routes` by path (404 otherwise). */
export async function startLoopback(routes: Map<string, Route>, clock?: () => number): Promise<Loopback> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push({ path, headers: req.headers, at: Date.now(), clock: clock ? clock() : null });
    const route = routes.get(path);
    if (route) route(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    hits: (path) => requests.filter((r) => r.path === path),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A route that answers with a body and validators, and 304 when the request's validators match. */
export function conditional(
  body: () => string,
  opts: { etag?: () => string; lastModified?: string; contentType?: string } = {},
): Route {
  return (req, res) => {
    const etag = opts.etag?.();
    const headers: Record<string, string> = {
      'content-type': opts.contentType ?? 'application/rss+xml; charset=utf-8',
    };
    if (etag) headers['etag'] = etag;
    if (opts.lastModified) headers['last-modified'] = opts.lastModified;
    const matches =
      (etag !== undefined && req.headers['if-none-match'] === etag) ||
      (etag === undefined &&
        opts.lastModified !== undefined &&
        req.headers['if-modified-since'] === opts.lastModified);
    if (matches) res.writeHead(304, headers).end();
    else res.writeHead(200, headers).end(body());
  };
}

export const html =
  (body: string): Route =>
  (_req, res) =>
    void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);

export interface Story {
  slug: string;
  title: string;
  /** RFC 822 date for the feed. */
  pubDate: string;
  place: string;
  country: string;
}

export const STORIES: Story[] = [
  {
    slug: 'hodeidah',
    title: 'Shelling hits port district in Hodeidah',
    pubDate: 'Tue, 14 May 2024 21:40:00 +0300',
    place: 'Hodeidah',
    country: 'Yemen',
  },
  {
    slug: 'kharkiv',
    title: 'Drone strike damages depot in Kharkiv',
    pubDate: 'Mon, 13 May 2024 08:00:00 +0300',
    place: 'Kharkiv',
    country: 'Ukraine',
  },
  {
    slug: 'goma',
    title: 'Gunmen attack camp near Goma',
    pubDate: 'Sun, 12 May 2024 17:05:00 +0200',
    place: 'Goma',
    country: 'the Democratic Republic of the Congo',
  },
  {
    slug: 'kidal',
    title: 'Troops clash with rebels in Kidal',
    pubDate: 'Sat, 11 May 2024 12:00:00 +0000',
    place: 'Kidal',
    country: 'Mali',
  },
];

/** An RSS 2.0 feed of these stories, linking to `${base}/articles/<slug>`. */
export function rssFeed(base: string, stories: Story[]): string {
  const items = stories
    .map(
      (s) => `  <item>
    <title><![CDATA[${s.title}]]></title>
    <link>${base}/articles/${s.slug}</link>
    <guid isPermaLink="false">harbour-${s.slug}</guid>
    <pubDate>${s.pubDate}</pubDate>
    <description>&lt;p&gt;${s.title}.&lt;/p&gt;</description>
  </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Post</title><link>${base}/</link>
${items}
</channel></rss>`;
}

/** An Atom feed of these stories. */
export function atomFeed(base: string, stories: Story[]): string {
  const entries = stories
    .map(
      (s) => `  <entry>
    <title>${s.title}</title>
    <link rel="alternate" type="text/html" href="${base}/articles/${s.slug}"/>
    <id>tag:loopback,2024:${s.slug}</id>
    <published>${new Date(s.pubDate).toISOString()}</published>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>tag:loopback,2024:feed</id>
${entries}
</feed>`;
}

/**
 * An article page with enough words for the article extractor. Without `withMeta` the page carries no
 * title, date or outlet of its own, so the feed entry's must fill them.
 */
export function articlePage(s: Story, withMeta = false): string {
  const head = withMeta
    ? `<title>${s.title} | Page Outlet</title><meta property="og:site_name" content="Page Outlet">`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">${head}</head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<p>Attackers struck in ${s.place}, ${s.country}, on Monday, killing at least four civilians and wounding nine others, local officials said in a statement.</p>
<p>Residents said the attack began shortly after dawn and lasted for more than an hour, damaging homes, a market and a school near the centre of the town.</p>
</article>
<footer>All rights reserved.</footer>
</body></html>
`;
}
