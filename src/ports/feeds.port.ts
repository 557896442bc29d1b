// What `docket watch` needs from the outside world: an HTTP fetcher that remembers each host's rate limit
// and back-off, and a reader of RSS/Atom documents. Adapters in src/adapters/feeds implement them.

/** One entry of a feed. Entries without a link to fetch are not returned. */
export interface FeedItem {
  /** What identifies the entry across polls: guid (RSS), id (Atom), rdf:about (RSS 1.0), else the link. */
  key: string;
  /** The article page (absolute http(s) URL). */
  url: string;
  title: string | null;
  /** YYYY-MM-DD when the feed dates the entry. */
  published: string | null;
  /** The entry's description or summary as plain text. */
  summary: string | null;
}

export interface Feed {
  title: string | null;
  items: FeedItem[];
}

/** Reads an RSS 2.0, RSS 1.0 (RDF) or Atom document; throws InputError(url, reason) for anything else. */
export type FeedParser = (url: string, xml: string) => Feed;

/** Validators from an earlier response, sent back as If-None-Match / If-Modified-Since. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type FetchOutcome =
  | {
      kind: 'ok';
      /** The URL asked for, and the URL answered after redirects. */
      url: string;
      finalUrl: string;
      status: number;
      contentType: string | null;
      body: string;
      etag: string | null;
      lastModified: string | null;
    }
  /** 304: nothing changed since the validators were given. */
  | { kind: 'not-modified'; url: string }
  | {
      kind: 'failed';
      url: string;
      /** For people: "HTTP 503", "timed out after 30 s", "response is 12 MB, over the limit of 10 MB". */
      reason: string;
      /** Network errors, timeouts, 429 and 5xx: worth trying again later. */
      transient: boolean;
      /** How long the server asked us to wait (Retry-After), or the host's remaining back-off. */
      retryAfterMs: number | null;
      status: number | null;
    };

export interface Fetcher {
  /** GET one URL, waiting for the host's rate limit; never throws for HTTP or network failures. */
  get(url: string, validators?: Validators): Promise<FetchOutcome>;
}
