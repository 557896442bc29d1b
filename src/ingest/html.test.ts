import { describe, expect, it } from 'vitest';

import { InputError } from '../domain/errors.js';
import { countWords, extractArticle, parseHtmlDocument } from './html.js';

const NEWS_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Drone strikes hit fuel depot in Kherson | Frontline Wire</title>
  <meta property="og:title" content="Drone strikes hit fuel depot in Kherson &amp; nearby villages">
  <meta property="og:site_name" content="Frontline Wire">
  <meta property="og:url" content="https://frontline.example/news/kherson-depot?utm_source=x">
  <meta property="article:published_time" content="2023-05-02T21:40:00+03:00">
  <link rel="canonical" href="/news/kherson-depot">
  <script type="application/ld+json">
    {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Drone strikes hit fuel depot",
     "datePublished": "2023-05-01T09:00:00Z", "publisher": {"@type": "Organization", "name": "FW Media"}}
  </script>
  <style>body { font-family: serif; }</style>
</head>
<body>
  <header class="site-header"><a href="/">Frontline Wire</a>
    <nav><ul><li><a href="/world">World</a></li><li><a href="/europe">Europe</a></li></ul></nav>
  </header>
  <main>
    <article>
      <header><h1>Drone strikes hit fuel depot in Kherson</h1><p class="byline">By A. Reporter</p></header>
      <figure><img src="depot.jpg" alt=""><figcaption>Smoke rises over the depot. Photo: Reuters</figcaption></figure>
      <p>Russian drones struck a fuel depot on the outskirts of   Kherson overnight,
         the regional governor said on Tuesday, setting off a fire that burned for several hours.</p>
      <div class="ad"><script>loadAd('slot-1')</script><noscript>Please enable JavaScript to see ads.</noscript></div>
      <p>&ldquo;Two workers were wounded,&rdquo; Oleksandr Prokudin wrote on Telegram, adding that emergency crews had
         contained the blaze by morning.</p>
      <p>Ukraine&#8217;s air force said it had shot down 21 of 26 Shahed-type drones launched from the east coast of the
         Sea of Azov.</p>
      <aside><h2>Related</h2><p>Earlier strikes on the port this year killed at least nine people in total.</p></aside>
      <form><p>Sign up for our newsletter to get the latest updates every single morning, straight to your inbox.</p><input type="email"></form>
    </article>
  </main>
  <footer><p>&copy; 2023 Frontline Wire. All rights reserved.</p></footer>
</body>
</html>`;

describe('extractArticle', () => {
  it('reads metadata and the article body from a news page', () => {
    const result = extractArticle('pages/kherson.html', NEWS_PAGE);
    expect(result.title).toBe('Drone strikes hit fuel depot in Kherson & nearby villages');
    expect(result.outlet).toBe('Frontline Wire');
    expect(result.published).toBe('2023-05-02');
    expect(result.url).toBe('https://frontline.example/news/kherson-depot');
    expect(result.text).toBe(
      [
        'Russian drones struck a fuel depot on the outskirts of Kherson overnight, the regional governor said on ' +
          'Tuesday, setting off a fire that burned for several hours.',
        '“Two workers were wounded,” Oleksandr Prokudin wrote on Telegram, adding that emergency crews had ' +
          'contained the blaze by morning.',
        'Ukraine’s air force said it had shot down 21 of 26 Shahed-type drones launched from the east coast of the ' +
          'Sea of Azov.',
      ].join('\n\n'),
    );
  });

  it('falls back to JSON-LD, <time> and <title> when Open Graph tags are missing', () => {
    const page = `<html><head><title>Clashes in Tripoli leave 12 dead - Libya Monitor</title>
      <script type="application/ld+json">[{"@type":"WebSite","name":"LM"},
        {"@graph":[{"@type":["NewsArticle"],"datePublished":"2019-04-07","publisher":[{"name":"Libya Monitor"}]}]}]
      </script></head>
      <body><div id="content"><h1>Clashes in Tripoli leave 12 dead</h1>
      <p><time datetime="2019-04-08T10:00">8 April</time> Fighting between rival forces continued south of the capital
      on Sunday as the death toll rose to at least twelve, according to the health ministry.</p></div></body></html>`;
    const result = extractArticle('libya.html', page);
    expect(result.outlet).toBe('Libya Monitor');
    expect(result.title).toBe('Clashes in Tripoli leave 12 dead');
    expect(result.published).toBe('2019-04-07');
    expect(result.url).toBeNull();
  });

  it('reads meta name=date and <time datetime>', () => {
    const body = `<p>${'Shelling continued along the front line near the town for a third day. '.repeat(3)}</p>`;
    expect(
      extractArticle('a.html', `<meta name="dc.date" content="16 October 2018"><body>${body}</body>`)
        .published,
    ).toBe('2018-10-16');
    expect(
      extractArticle(
        'a.html',
        `<body><article><time datetime="2018-10-17T06:00:00Z">Wed</time>${body}</article></body>`,
      ).published,
    ).toBe('2018-10-17');
  });

  it('without <article>, takes the element holding the most paragraph text', () => {
    const para = (n: number): string =>
      `<p>Paragraph ${n}: witnesses said the convoy came under fire from several positions near the bridge.</p>`;
    const page = `<html><body>
      <div class="menu"><p>Home</p><p>Sections</p></div>
      <div class="story"><div class="part">${para(1)}${para(2)}</div><div class="ad">Advertisement</div>
        <div class="part">${para(3)}${para(4)}</div></div>
      <div class="links"><ul><li><a href="/a">Most read: ceasefire holds in the north</a></li></ul></div>
      </body></html>`;
    const { text } = extractArticle('story.html', page);
    expect(text.split('\n\n').map((p) => p.slice(0, p.indexOf(':')))).toEqual([
      'Paragraph 1',
      'Paragraph 2',
      'Paragraph 3',
      'Paragraph 4',
    ]);
  });

  it('prefers the itemprop=articleBody element', () => {
    const page = `<body><div><p>${'Teaser text about another story entirely, not this one. '.repeat(3)}</p></div>
      <div itemprop="articleBody"><p>${'Militants attacked an army post in the district before dawn. '.repeat(3)}</p></div></body>`;
    expect(extractArticle('a.html', page).text).toMatch(/^Militants attacked/);
  });

  it('splits paragraphs at <br> and block elements, and drops link lists', () => {
    const page = `<article><p>${'Residents fled the village after the attack. '.repeat(3)}<br>Second line here.</p>
      <ul><li><a href="/1">Read more: one</a></li></ul><blockquote>We will respond, the minister said.</blockquote></article>`;
    expect(extractArticle('a.html', page).text).toBe(
      `${'Residents fled the village after the attack. '.repeat(3).trim()}\n\nSecond line here.\n\n` +
        'We will respond, the minister said.',
    );
  });

  it('rejects a page without an article', () => {
    const page = `<!doctype html><html><head><title>Page not found | Frontline Wire</title></head><body>
      <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/europe">Europe</a></nav></header>
      <main><h1>Page not found</h1><p>Sorry, we could not find that page.</p></main>
      <footer><p>Contact us. Privacy policy. Terms of use. Cookie settings. Advertise with us. Careers.</p></footer>
      </body></html>`;
    expect(() => extractArticle('pages/missing.html', page)).toThrow(InputError);
    expect(() => extractArticle('pages/missing.html', page)).toThrow(
      'pages/missing.html: no article text found in HTML',
    );
    try {
      extractArticle('pages/missing.html', page);
    } catch (err) {
      expect(err).toMatchObject({ input: 'pages/missing.html', reason: 'no article text found in HTML' });
    }
  });

  it('keeps a whole-page <form> that holds the article', () => {
    const page = `<body><form id="aspnetForm"><main><p>${'Police said the blast hit a bus near the station. '.repeat(4)}</p></main></form></body>`;
    expect(extractArticle('a.html', page).text).toMatch(/^Police said/);
  });
});

describe('parseHtmlDocument', () => {
  it('keeps the HTML as raw and the article as text', () => {
    const doc = parseHtmlDocument('pages/kherson.html', NEWS_PAGE);
    expect(doc.origin).toBe('pages/kherson.html');
    expect(doc.mediaType).toBe('text/html');
    expect(doc.raw).toBe(NEWS_PAGE);
    expect(doc.text).toMatch(/^Russian drones struck/);
    expect(doc.outlet).toBe('Frontline Wire');
  });
});

describe('countWords', () => {
  it('counts words with letters or digits', () => {
    expect(countWords(' Two workers — were wounded, 21 of 26 ')).toBe(7);
  });
});
