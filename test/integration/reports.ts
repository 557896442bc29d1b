// Self-written news-style reports for the integration tests (not copied from any outlet).
// Each names a real place and a relative date, so the pipeline has something clear to code.

export const HAJIN_TXT = `Coalition strike hits market in Hajin
Published: 2024-03-14

Coalition aircraft struck a crowded market in Hajin on Tuesday, killing at least 12 civilians, the Syrian Observatory for Human Rights said. Residents said the strike destroyed dozens of shops.
`;

export const MOSUL_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Roadside bomb wounds police in Mosul | Tigris Daily</title>
<meta property="og:site_name" content="Tigris Daily">
<meta property="og:title" content="Roadside bomb wounds police in Mosul">
<meta property="article:published_time" content="2024-04-05T08:30:00+03:00">
<link rel="canonical" href="https://tigris.example/2024/04/mosul-bomb">
</head>
<body>
<nav><a href="/">Home</a> <a href="/iraq">Iraq</a> <a href="/world">World</a></nav>
<article>
<h1>Roadside bomb wounds police in Mosul</h1>
<p>A roadside bomb exploded next to a police patrol in western Mosul on Wednesday, wounding three officers, Iraqi security sources said.</p>
<p>No group has claimed responsibility for the blast, which happened on a road leading to the old city.</p>
</article>
<footer>Copyright Tigris Daily. All rights reserved.</footer>
</body>
</html>
`;

export const KIDAL_LINE = {
  text:
    'Malian army troops clashed with rebels of the Permanent Strategic Framework in Kidal on Saturday, ' +
    'leaving at least five fighters dead, a military spokesman told AFP.',
  published: '2024-02-12',
  outlet: 'Sahel Wire',
};

export const GOMA_LINE = {
  text: 'Unidentified gunmen abducted four aid workers near Goma on Monday, a United Nations spokesperson said.',
  published: '2024-03-13',
  url: 'https://example.org/goma',
};

/** One clear event (a drone strike near Hajin on Sunday) and one relayed claim about it. */
export const CLAIM_TXT =
  'Coalition drones killed seven Islamic State fighters near Hajin on Sunday, Syrian Democratic Forces ' +
  'spokesman Farhad Shami told Hawar News Agency, according to Reuters.\n';

/** An HTML page with navigation and a teaser, but no article. */
export const NO_ARTICLE_HTML =
  '<!doctype html><html><head><title>Tigris Daily</title></head><body><nav><a href="/">Home</a>' +
  '<a href="/iraq">Iraq</a></nav><p>Subscribe to our newsletter.</p></body></html>\n';
