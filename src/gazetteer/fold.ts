// Name folding for gazetteer keys: case, diacritics, punctuation, hyphens, spaces and
// Arabic-style articles (al-, el-, ad-, ez- …) fold away so that transliteration variants meet.

const ARTICLES = new Set([
  'al',
  'el',
  'ad',
  'ed',
  'ar',
  'er',
  'as',
  'es',
  'az',
  'ez',
  'an',
  'en',
  'at',
  'et',
  'ash',
  'esh',
  'adh',
  'ul',
  'il',
]);
const APOSTROPHES = /['’‘`ʼʻʿʾ´]/g;

/**
 * Fold a place name to its lookup key: "Deir ez-Zor" → "deir zor", "Ālbū Kamāl" → "albu kamal",
 * "Al-Hasakah" → "hasakah". Returns "" when nothing Latin is left (other scripts are not indexed).
 */
export function foldName(name: string): string {
  const base = asciiBase(name) ?? unicodeBase(name);
  if (!base) return '';
  const tokens = base.split(' ');
  const kept = tokens.filter((t, i) => !(ARTICLES.has(t) && (i < tokens.length - 1 || tokens.length > 1)));
  return (kept.length ? kept : tokens).join(' ');
}

/**
 * unicodeBase for a name in ASCII only (most names): lower case, apostrophes dropped, every other run of
 * characters but letters and digits one space, trimmed — in one pass. Null when the name is not ASCII.
 */
function asciiBase(name: string): string | null {
  let out = '';
  let gap = false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c > 127) return null;
    if (c === 39 || c === 96) continue; // ' and ` are dropped, not spaces
    if (c >= 65 && c <= 90) {
      if (gap && out) out += ' ';
      gap = false;
      out += String.fromCharCode(c + 32);
    } else if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (gap && out) out += ' ';
      gap = false;
      out += name[i];
    } else gap = true;
  }
  return out;
}

function unicodeBase(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æ]/gi, 'ae')
    .replace(/[ø]/gi, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[ıİ]/g, 'i')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * A looser key for transliteration variants: vowels and doubled letters dropped after the first
 * letter of each word ("deir zour" / "dayr zawr" / "deir zor" → "dr zr").
 */
export function skeletonKey(folded: string): string {
  return folded
    .split(' ')
    .map((w) => {
      if (/^\d+$/.test(w)) return w;
      const head = w[0] ?? '';
      const rest = w
        .slice(1)
        .replace(/[aeiouyw]/g, '')
        .replace(/(.)\1+/g, '$1');
      return (head + rest).replace(/^([aeiouyw])(?=.)/, '$1');
    })
    .join(' ');
}
