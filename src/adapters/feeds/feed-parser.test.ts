// The feed reader on self-written RSS 2.0, RSS 1.0 and Atom documents, including the slips real feeds make.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../domain/errors.js';
import { parseFeed } from './feed-parser.js';

const FEED_URL = 'https://news.example/world/feed.xml';

const RSS2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Harbour Post &amp; Wire — World</title>
  <link>https://news.example/world</link>
  <atom:link href="https://news.example/world/feed.xml" rel="self" type="application/rss+xml"/>
  <item>
    <title><![CDATA[Shelling hits port district in Hodeidah]]></title>
    <atom:link href="https://news.example/amp/1" rel="amphtml"/>
    <link>https://news.example/2024/05/hodeidah-shelling</link>
    <guid isPermaLink="false">harbour-post-1001</guid>
    <pubDate>Tue, 14 May 2024 21:40:00 +0300</pubDate>
    <description>&lt;p&gt;Shells struck the port district &lt;b&gt;overnight&lt;/b&gt;,&amp;nbsp;residents said.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Talks in Muscat &amp;#8216;constructive&amp;#8217;</title>
    <link>/2024/05/muscat-talks</link>
    <dc:date>2024-05-13T10:00:00Z</dc:date>
    <content:encoded><![CDATA[<p>Delegations met for a second day.</p><script>track()</script>]]></content:encoded>
  </item>
  <item>
    <title>A guid that is the permalink</title>
    <guid>https://news.example/2024/05/permalink-only</guid>
  </item>
  <item>
    <title>No link at all</title>
    <guid isPermaLink="false">no-link-42</guid>
  </item>
  <item>
    <link>https://news.example/2024/05/untitled</link>
  </item>
  <item>
    <title><![CDATA[Shelling hits port district in Hodeidah]]></title>
    <link>https://news.example/2024/05/hodeidah-shelling</link>
    <guid isPermaLink="false">harbour-post-1001</guid>
  </item>
</channel>
</rss>`;

const RSS1 = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://wire.example/rss">
    <title>Sahel Wire</title>
    <link>https://wire.example/</link>
    <items><rdf:Seq><rdf:li rdf:resource="https://wire.example/a/1"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://wire.example/a/1">
    <title>Clashes reported near Menaka</title>
    <link>https://wire.example/a/1</link>
    <description>Fighting lasted several hours.</description>
    <dc:date>2024-02-10T06:15:00+00:00</dc:date>
  </item>
  <item rdf:about="https://wire.example/a/2">
    <title>Convoy ambushed</title>
  </item>
</rdf:RDF>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://tigris.example/">
  <title type="text">Tigris Daily</title>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2024-04-05T09:00:00Z</updated>
  <entry>
    <title type="html">Roadside bomb wounds police in &lt;em&gt;Mosul&lt;/em&gt;</title>
    <link rel="self" href="https://tigris.example/api/entries/77"/>
    <link rel="alternate" type="text/html" href="2024/04/mosul-bomb"/>
    <id>tag:tigris.example,2024:77</id>
    <updated>2024-04-06T10:00:00Z</updated>
    <published>2024-04-05T08:30:00+03:00</published>
    <summary type="html">&lt;p&gt;Three officers were wounded.&lt;/p&gt;</summary>
  </entry>
  <entry>
    <title>Curfew lifted in Kirkuk</title>
    <link href="https://tigris.example/2024/04/kirkuk-curfew"/>
    <id>tag:tigris.example,2024:78</id>
    <updated>2024-04-04</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Shops <b>reopened</b> on Thursday.</p></div></content>
  </entry>
  <entry>
    <title>An entry with no link</title>
    <id>tag:tigris.example,2024:79</id>
  </entry>
</feed>`;

describe('parseFeed: RSS 2.0', () => {
  const feed = parseFeed(FEED_URL, RSS2);

  it('reads the channel title and one entry per key, dropping entries with nothing to fetch', () => {
    expect(feed.title).toBe('Harbour Post & Wire — World');
    expect(feed.items.map((i) => i.key)).toEqual([
      'harbour-post-1001',
      'https://news.example/2024/05/muscat-talks',
      'https://news.example/2024/05/permalink-only',
      'https://news.example/2024/05/untitled',
    ]);
  });

  it('reads CDATA titles, RFC 822 dates and HTML descriptions as plain text', () => {
    expect(feed.items[0]).toEqual({
      key: 'harbour-post-1001',
      url: 'https://news.example/2024/05/hodeidah-shelling',
      title: 'Shelling hits port district in Hodeidah',
      published: '2024-05-14',
      summary: 'Shells struck the port district overnight, residents said.',
    });
  });

  it('resolves relative links, decodes double-escaped entities and reads dc:date and content:encoded', () => {
    expect(feed.items[1]).toEqual({
      key: 'https://news.example/2024/05/muscat-talks',
      url: 'https://news.example/2024/05/muscat-talks',
      title: 'Talks in Muscat ‘constructive’',
      published: '2024-05-13',
      summary: 'Delegations met for a second day.',
    });
  });

  it('uses a permalink guid as the link, and leaves missing fields null', () => {
    expect(feed.items[2]).toMatchObject({
      url: 'https://news.example/2024/05/permalink-only',
      published: null,
    });
    expect(feed.items[3]).toEqual({
      key: 'https://news.example/2024/05/untitled',
      url: 'https://news.example/2024/05/untitled',
      title: null,
      published: null,
      summary: null,
    });
  });
});

describe('parseFeed: RSS 1.0 (RDF)', () => {
  it('reads items beside the channel, keyed by rdf:about, with Dublin Core dates', () => {
    const feed = parseFeed('https://wire.example/rss', RSS1);
    expect(feed.title).toBe('Sahel Wire');
    expect(feed.items).toEqual([
      {
        key: 'https://wire.example/a/1',
        url: 'https://wire.example/a/1',
        title: 'Clashes reported near Menaka',
        published: '2024-02-10',
        summary: 'Fighting lasted several hours.',
      },
      {
        key: 'https://wire.example/a/2',
        url: 'https://wire.example/a/2',
        title: 'Convoy ambushed',
        published: null,
        summary: null,
      },
    ]);
  });
});

describe('parseFeed: Atom', () => {
  const feed = parseFeed('https://tigris.example/atom', ATOM);

  it('reads the alternate link against xml:base, the id as key and published before updated', () => {
    expect(feed.title).toBe('Tigris Daily');
    expect(feed.items[0]).toEqual({
      key: 'tag:tigris.example,2024:77',
      url: 'https://tigris.example/2024/04/mosul-bomb',
      title: 'Roadside bomb wounds police in Mosul',
      // The calendar day as the outlet wrote it, not converted to UTC.
      published: '2024-04-05',
      summary: 'Three officers were wounded.',
    });
  });

  it('takes a link without rel, falls back to updated, reads xhtml content and drops entries without links', () => {
    expect(feed.items).toHaveLength(2);
    expect(feed.items[1]).toEqual({
      key: 'tag:tigris.example,2024:78',
      url: 'https://tigris.example/2024/04/kirkuk-curfew',
      title: 'Curfew lifted in Kirkuk',
      published: '2024-04-04',
      summary: 'Shops reopened on Thursday.',
    });
  });
});

describe('parseFeed: not a feed', () => {
  const reject = (xml: string): InputError => {
    try {
      parseFeed('https://news.example/feed', xml);
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return e as InputError;
    }
    throw new Error('expected an InputError');
  };

  it('names the URL and says what the document is instead', () => {
    const e = reject('<!doctype html><html><head><title>Moved</title></head><body>Gone</body></html>');
    expect(e.message).toBe(
      'https://news.example/feed: not an RSS or Atom feed: the document starts with <html>',
    );
    expect(reject('   ').reason).toMatch(/empty/);
    expect(reject('just some words').reason).toMatch(/no XML element/);
    expect(reject('<rss version="2.0"></rss>').reason).toMatch(/no <channel> or <item>/);
  });

  it('reads a feed cut off in the middle as far as it goes', () => {
    const cut = RSS2.slice(0, RSS2.indexOf('<item>', RSS2.indexOf('</item>')));
    expect(parseFeed(FEED_URL, cut).items.map((i) => i.key)).toEqual(['harbour-post-1001']);
  });
});
