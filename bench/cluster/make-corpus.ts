// Writes bench/cluster/corpus.jsonl: news-style reports of the incidents in events.ts, several per
// incident from different outlets, for benchmarking event clustering. Deterministic: one seeded PRNG.
// Run: npx tsx bench/cluster/make-corpus.ts
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INCIDENTS, type IncidentKind, type IncidentSpec } from './events.js';
import { Rng, capitalise, dateExpressions, numberWord, plusDays, wordCount } from './lib.js';

export const SEED = 20240312;

export interface Outlet {
  name: string;
  domain: string;
  section: string;
  /** Countries it covers; undefined: everywhere. */
  ccs?: string[];
  /** Dateline credit, e.g. "CWS": the report opens "HAJIN, Syria (CWS) — ". */
  credit?: string;
  wire?: boolean;
  urlStyle: 'dated' | 'flat' | 'query';
}

export const OUTLETS: Outlet[] = [
  {
    name: 'Levant Wire',
    domain: 'levantwire.test',
    section: 'middle-east',
    ccs: ['SY', 'IQ'],
    urlStyle: 'dated',
  },
  {
    // not "Mesopotamia Today": "told Mesopotamia Today" reads as a date expression
    name: 'Mesopotamia Tribune',
    domain: 'mesopotamiatribune.test',
    section: 'news',
    ccs: ['IQ', 'SY'],
    urlStyle: 'query',
  },
  {
    name: 'Gulf Correspondent',
    domain: 'gulfcorrespondent.test',
    section: 'region',
    ccs: ['YE', 'IQ', 'SO'],
    urlStyle: 'dated',
  },
  {
    name: 'Horn Observer',
    domain: 'hornobserver.test',
    section: 'news',
    ccs: ['SO', 'SD'],
    urlStyle: 'flat',
  },
  {
    name: 'Sahel Monitor',
    domain: 'sahelmonitor.test',
    section: 'security',
    ccs: ['ML', 'BF', 'NE', 'NG', 'CM'],
    urlStyle: 'dated',
  },
  {
    name: 'Agence Nord-Sud',
    domain: 'agencenordsud.test',
    section: 'depeches',
    ccs: ['ML', 'BF', 'NE', 'CM', 'CD', 'SD'],
    credit: 'ANS',
    urlStyle: 'flat',
  },
  {
    name: 'Delta Courier',
    domain: 'deltacourier.test',
    section: 'news',
    ccs: ['NG', 'CM', 'NE'],
    urlStyle: 'query',
  },
  {
    name: 'Kyiv Dispatch Daily',
    domain: 'kyivdispatch.test',
    section: 'war',
    ccs: ['UA'],
    urlStyle: 'dated',
  },
  {
    name: 'Great Lakes Ledger',
    domain: 'greatlakesledger.test',
    section: 'conflict',
    ccs: ['CD', 'SD', 'MZ'],
    urlStyle: 'flat',
  },
  {
    name: 'Asia Frontier Review',
    domain: 'asiafrontier.test',
    section: 'security',
    ccs: ['MM', 'AF', 'PK'],
    urlStyle: 'dated',
  },
  { name: 'Frontline Post', domain: 'frontlinepost.test', section: 'world', urlStyle: 'dated' },
  { name: 'Riverside Herald', domain: 'riversideherald.test', section: 'international', urlStyle: 'flat' },
  {
    name: 'Continental Wire Service',
    domain: 'continentalwire.test',
    section: 'wire',
    credit: 'CWS',
    wire: true,
    urlStyle: 'query',
  },
];

export interface CorpusReport {
  id: string;
  gold: string;
  outlet: string;
  published: string;
  url: string;
  title: string;
  text: string;
  relayOf?: string;
}

// ── kind vocabulary ──────────────────────────────────────────────────────

const VIOLENT: IncidentKind[] = [
  'ambush',
  'raid',
  'clash',
  'air strike',
  'drone strike',
  'shelling',
  'car bomb',
  'suicide bombing',
  'IED',
];
const BOMBS: IncidentKind[] = ['car bomb', 'suicide bombing', 'IED'];
const FROM_ABOVE: IncidentKind[] = ['air strike', 'drone strike', 'shelling'];

/** Headline nouns and the noun follow-up sentences use for the incident ("claimed the attack"). */
const NOUNS: Record<IncidentKind, { head: string[]; word: string }> = {
  ambush: { head: ['ambush', 'attack'], word: 'attack' },
  raid: { head: ['raid', 'attack'], word: 'attack' },
  clash: { head: ['clashes', 'fighting'], word: 'fighting' },
  'air strike': { head: ['air strike', 'strike'], word: 'strike' },
  'drone strike': { head: ['drone strike', 'drone attack'], word: 'attack' },
  shelling: { head: ['shelling', 'bombardment'], word: 'shelling' },
  'car bomb': { head: ['car bombing', 'car bomb blast'], word: 'bombing' },
  'suicide bombing': { head: ['suicide bombing', 'suicide attack'], word: 'bombing' },
  IED: { head: ['roadside bombing', 'roadside blast'], word: 'blast' },
  abduction: { head: ['abduction', 'kidnapping'], word: 'abduction' },
  protest: { head: ['protest', 'rally'], word: 'protest' },
  arrest: { head: ['arrests', 'raid'], word: 'operation' },
  capture: { head: ['capture', 'takeover'], word: 'capture' },
};

const plural = (noun: string): boolean => noun === 'clashes' || noun === 'arrests';

/** Active clauses: subject f acts on target t; w is the weapon phrase ("three drones"). */
function clauses(kind: IncidentKind, f: string, t: string, w: string | undefined): string[] {
  switch (kind) {
    case 'ambush':
      return [`${f} ambushed ${t}`, `${f} attacked ${t}`, `${f} opened fire on ${t}`];
    case 'raid':
      return [`${f} raided ${t}`, `${f} stormed ${t}`, `${f} attacked ${t}`];
    case 'clash':
      return [`${f} clashed with ${t}`, `${f} fought ${t}`];
    case 'air strike':
      return w ? [`${f} struck ${t} with ${w}`, `${f} hit ${t}`] : [`${f} bombed ${t}`, `${f} struck ${t}`];
    case 'drone strike':
      return /drone/.test(f)
        ? [`${f} struck ${t}`, `${f} hit ${t}`]
        : [`${f} struck ${t} with ${w ?? 'a drone'}`, `${f} attacked ${t} with ${w ?? 'an armed drone'}`];
    case 'shelling':
      return w
        ? [`${f} fired ${w} at ${t}`, `${f} shelled ${t}`]
        : [`${f} shelled ${t}`, `shells fired by ${f} hit ${t}`];
    case 'car bomb':
      return [`a car bomb planted by ${f} exploded at ${t}`, `${f} detonated a car bomb at ${t}`];
    case 'suicide bombing':
      return [`${f} detonated explosives at ${t}`, `${f} struck ${t}`];
    case 'IED':
      return [
        `a roadside bomb planted by ${f} hit ${t}`,
        `${f} targeted ${t} with a roadside bomb`,
        `an improvised explosive device struck ${t}`,
      ];
    default:
      return [];
  }
}

/** Noun phrases naming the incident with its target; g is a name of the group (for clashes). */
function nounPhrases(kind: IncidentKind, t: string, g: string, w: string | undefined): string[] {
  switch (kind) {
    case 'ambush':
      return [`an ambush on ${t}`, `an attack on ${t}`];
    case 'raid':
      return [`a raid on ${t}`, `an attack on ${t}`];
    case 'clash':
      return [`clashes between ${g} and ${t}`, `fighting between ${g} and ${t}`];
    case 'air strike':
      return [`an air strike on ${t}`, `a strike on ${t}`];
    case 'drone strike':
      return [`a drone strike on ${t}`, `a drone attack on ${t}`];
    case 'shelling':
      return w && /mortar/.test(w)
        ? [`a mortar attack on ${t}`]
        : [`shelling that hit ${t}`, `an artillery attack on ${t}`];
    case 'car bomb':
      return [`a car bombing at ${t}`, `a car bomb attack on ${t}`];
    case 'suicide bombing':
      return [`a suicide bombing at ${t}`, `a suicide attack on ${t}`];
    case 'IED':
      return [`a roadside bombing that hit ${t}`, `an IED attack on ${t}`];
    default:
      return [];
  }
}

const QUOTES: Record<'fight' | 'bomb' | 'above' | 'abduction' | 'protest' | 'arrest' | 'capture', string[]> =
  {
    fight: [
      'They came on motorbikes and started shooting at everyone',
      'The gunfire went on for almost an hour',
      'We could not reach the wounded until the shooting stopped',
    ],
    bomb: [
      'The blast shook the whole neighbourhood',
      'There were bodies and shattered glass everywhere',
      'People were screaming and running in every direction',
    ],
    above: [
      'We heard the whistle and then the explosion',
      'The strikes came one after another and there was nowhere to hide',
      'Whole walls came down on the people inside',
    ],
    abduction: [
      'They took them away into the bush',
      'The families are waiting for a call from the kidnappers',
      'Nobody came to help us',
    ],
    protest: [
      'We want our voices to be heard',
      'We will keep coming back to the streets until they listen',
      'We have nothing left to lose',
    ],
    arrest: [
      'The operation was based on precise intelligence',
      'The suspects were preparing to strike',
      'More arrests are expected',
    ],
    capture: [
      'There was heavy fighting before the fighters entered',
      'The town is calm, but many families have left',
      'We heard shooting from every side',
    ],
  };

function quoteSet(kind: IncidentKind): string[] {
  if (BOMBS.includes(kind)) return QUOTES.bomb;
  if (FROM_ABOVE.includes(kind)) return QUOTES.above;
  if (kind === 'abduction' || kind === 'protest' || kind === 'arrest' || kind === 'capture')
    return QUOTES[kind];
  return QUOTES.fight;
}

// ── per-report context ───────────────────────────────────────────────────

interface Ctx {
  e: IncidentSpec;
  rng: Rng;
  outlet: Outlet;
  /** Report's spelling of the town. */
  T: string;
  /** Subject phrase for the actors. */
  F: string;
  target: string;
  when: string;
  /** The headline figure: killed, or abducted/arrested for those kinds; null when there is none. */
  fig: number | null;
  victim: string;
  /** Sources in the order this report uses them. */
  src: string[];
  weapon: string | undefined;
  /** Protests: "thousands of". */
  crowd: string;
}

const isPerson = (src: string): boolean => /^an? /.test(src);

/** Trailing attribution: "police said", "a local official told Levant Wire", "according to residents". */
function attribution(c: Ctx, which = 0): string {
  const s = c.src[which % c.src.length]!;
  const opts = [`${s} said`, `according to ${s}`];
  if (isPerson(s)) opts.push(`${s} told ${c.outlet.name}`, `${s} told ${c.outlet.name}`);
  return c.rng.pick(opts);
}

/** Sentence-opening attribution: "Police said", "A local official told Levant Wire". */
function leadSaid(c: Ctx, which = 0): string {
  const s = c.src[which % c.src.length]!;
  return capitalise(isPerson(s) && c.rng.chance(0.5) ? `${s} told ${c.outlet.name}` : `${s} said`);
}

function figure(c: Ctx, n: number, atStart: boolean): string {
  const w = numberWord(n);
  const opts = n <= 20 ? [`at least ${w}`, w] : [`at least ${n}`, String(n)];
  if (n >= 10 && n <= 20) opts.push(`at least ${n}`, String(n));
  const all = [...c.e.killed, ...(c.e.taken ?? [])];
  if (all.length > 1 && n === Math.max(...all)) opts.push(`as many as ${n <= 20 ? w : n}`);
  const usable = atStart ? opts.filter((o) => !/^\d/.test(o)) : opts;
  return c.rng.pick(usable.length ? usable : [`at least ${n}`]);
}

const loc = (c: Ctx): string =>
  c.rng.pick([
    `in ${c.T}`,
    `in ${c.T}`,
    `near ${c.T}`,
    `on the outskirts of ${c.T}`,
    `in the ${c.e.settlement} of ${c.T}`,
  ]);

const fill = (c: Ctx, s: string): string => s.replaceAll('{T}', c.T);

/** The name a claim is made under: the perpetrator's own spellings when it claims for itself. */
function claimant(c: Ctx): string {
  const by = c.e.claimedBy ?? '';
  const bare = (s: string) => s.replace(/^the /i, '').toLowerCase();
  const own = [c.e.perpetrator, ...c.e.perpetratorVariants].some((v) => bare(v) === bare(by));
  return own ? group(c) : by;
}

/** "the Rapid Support Forces", "the Arakan Army", but "RSF", "Islamic State", "Turkish forces". */
export function withArticle(name: string): string {
  if (/^the /i.test(name) || /^[A-Z0-9-]+$/.test(name)) return name;
  return /(Army|Forces|Department|Movement|coalition|Resistance in Iraq)$/.test(name) ? `the ${name}` : name;
}

/** A name of the perpetrator, as a noun phrase. */
const group = (c: Ctx): string => withArticle(c.rng.pick(c.e.perpetratorVariants));

/** Present-tense verbs in headlines agree with plural names: "the Houthis claim", "RSF claims". */
const isPlural = (name: string): boolean =>
  /(forces|Forces|troops|rebels|fighters|separatists|militants|bandits|gunmen|Houthis|protesters|traders)$/.test(
    name,
  );
const agree = (name: string, verb: string): string => (isPlural(name) ? verb.replace(/s$/, '') : verb);

// ── leads ────────────────────────────────────────────────────────────────

type Lead = (c: Ctx) => string | null;

function violentLeads(c: Ctx): Lead[] {
  const act = () => c.rng.pick(clauses(c.e.kind, c.F, c.target, c.weapon));
  const np = () => c.rng.pick(nounPhrases(c.e.kind, c.target, group(c), c.weapon));
  const W = capitalise(c.when);
  const n = c.fig ?? 0;
  const N = () => `${figure(c, n, false)} ${c.victim}`;
  const capN = () => `${capitalise(figure(c, n, true))} ${c.victim}`;
  if (n === 0) {
    return [
      () => `${capitalise(act())} ${loc(c)} ${c.when}, ${attribution(c)}, but no casualties were reported.`,
      () => `${W}, ${np()} ${loc(c)} caused no casualties, ${attribution(c)}.`,
      () => `Nobody was hurt ${c.when} when ${act()} ${loc(c)}, ${attribution(c)}.`,
      () => `${leadSaid(c)} ${np()} ${loc(c)} ${c.when} had caused no casualties.`,
    ];
  }
  const inj = c.e.injured?.[0];
  return [
    () => `${capN()} were killed ${c.when} when ${act()} ${loc(c)}, ${attribution(c)}.`,
    () => `${capitalise(act())} ${loc(c)} ${c.when}, killing ${N()}, ${attribution(c)}.`,
    () => `${W}, ${act()} ${loc(c)} in ${c.e.region}, killing ${N()}.`,
    () => `${capitalise(np())} ${loc(c)} ${c.when} killed ${N()}, ${attribution(c)}.`,
    () =>
      `The death toll from ${np()} ${loc(c)} ${c.when} has risen to ${n <= 20 ? numberWord(n) : n}, ${attribution(c)}.`,
    () => `${capitalise(c.F)} killed ${N()} ${loc(c)} ${c.when}, ${attribution(c)}.`,
    () => `${capN()} died ${c.when} after ${act()} ${loc(c)}, ${attribution(c)}.`,
    () => `${leadSaid(c)} ${N()} were killed ${c.when} in ${np()} ${loc(c)}.`,
    () => `In ${c.T}, ${c.e.region}, ${act()} ${c.when}, leaving ${N()} dead, ${attribution(c)}.`,
    () =>
      c.e.claimedBy
        ? `${capitalise(claimant(c))} has claimed ${np()} ${loc(c)} ${c.when} that killed ${N()}.`
        : null,
    () => `${capN()} lost their lives ${c.when} in ${np()} ${loc(c)}, ${attribution(c)}.`,
    () => `${W}, ${N()} were killed ${loc(c)} in ${np()}, ${attribution(c)}.`,
    () =>
      inj
        ? `${capitalise(np())} ${loc(c)} ${c.when} left ${N()} dead and ${numberWord(inj)} wounded, ${attribution(c)}.`
        : null,
    () => `${capitalise(act())} ${loc(c)} ${c.when}. ${capN()} were killed, ${attribution(c)}.`,
  ];
}

function abductionLeads(c: Ctx): Lead[] {
  const n = c.fig ?? 0;
  const N = () => `${figure(c, n, false)} ${c.victim}`;
  const capN = () => `${capitalise(figure(c, n, true))} ${c.victim}`;
  return [
    () => `${capitalise(c.F)} abducted ${N()} ${loc(c)} ${c.when}, ${attribution(c)}.`,
    () => `${capN()} were abducted ${c.when} when ${c.F} attacked ${c.target} ${loc(c)}, ${attribution(c)}.`,
    () => `${capitalise(c.when)}, ${c.F} kidnapped ${N()} ${loc(c)}, ${attribution(c)}.`,
    () => `${leadSaid(c)} ${N()} had been abducted ${loc(c)} ${c.when}.`,
    () => `${capitalise(c.F)} seized ${N()} in an attack on ${c.target} ${loc(c)} ${c.when}.`,
  ];
}

function arrestLeads(c: Ctx): Lead[] {
  const n = c.fig ?? 0;
  const N = () => `${figure(c, n, false)} ${c.victim}`;
  const capN = () => `${capitalise(figure(c, n, true))} ${c.victim}`;
  return [
    () => `${capitalise(c.F)} arrested ${N()} ${loc(c)} ${c.when}, ${attribution(c)}.`,
    () => `${capN()} were arrested ${c.when} in a raid on ${c.target} ${loc(c)}, ${attribution(c)}.`,
    () => `${capitalise(c.when)}, ${c.F} detained ${N()} during a raid on ${c.target} in ${c.T}.`,
    () => `${leadSaid(c)} ${N()} had been detained ${loc(c)} ${c.when}.`,
  ];
}

function protestLeads(c: Ctx): Lead[] {
  const crowd = () => c.crowd;
  const demand = () => c.rng.pick(c.e.demand ?? ['']);
  return [
    () => `${capitalise(crowd())} ${c.F} rallied in ${c.T} ${c.when} ${demand()}, ${attribution(c)}.`,
    () => `${capitalise(c.when)}, ${crowd()} people took to the streets of ${c.T} ${demand()}.`,
    () =>
      `${capitalise(c.F)} gathered in ${c.T} ${c.when} ${demand()}. ${leadSaid(c)} ${crowd()} people took part.`,
    () =>
      `${capitalise(crowd())} people demonstrated ${c.when} in ${c.T}, ${c.e.region}, ${demand()}, ${attribution(c)}.`,
    () => `In ${c.T}, ${crowd()} ${c.F} marched through the streets ${c.when} ${demand()}.`,
  ];
}

function captureLeads(c: Ctx): Lead[] {
  return [
    () => `${capitalise(c.F)} took control of ${c.T} ${c.when}, ${attribution(c)}.`,
    () =>
      `${capitalise(c.F)} seized ${c.T}, in ${c.e.region}, from ${c.target} ${c.when}, ${attribution(c)}.`,
    () => `${capitalise(c.when)}, ${c.F} captured ${c.T} after fighting ${c.target}, ${attribution(c)}.`,
    () => `${leadSaid(c)} ${c.F} had entered ${c.T} ${c.when}, ending ${c.e.target}'s control of the town.`,
    () => `${capitalise(c.target)} lost control of ${c.T} ${c.when} as ${c.F} moved in, ${attribution(c)}.`,
  ];
}

function leads(c: Ctx): Lead[] {
  switch (c.e.kind) {
    case 'abduction':
      return abductionLeads(c);
    case 'arrest':
      return arrestLeads(c);
    case 'protest':
      return protestLeads(c);
    case 'capture':
      return captureLeads(c);
    default:
      return violentLeads(c);
  }
}

// ── follow-ups ───────────────────────────────────────────────────────────

type Follow = (c: Ctx) => string | null;

/** [rank, sentence]: a report keeps a random subset, roughly in rank order (news copy runs from
 * casualties and claims to reactions and context). */
const FOLLOW_UPS: [number, Follow][] = [
  // claim
  [
    2,
    (c) => {
      if (!c.e.claimedBy || !c.e.claimVia) return null;
      const who = claimant(c);
      const via = c.e.claimVia;
      const word = NOUNS[c.e.kind].word;
      if (c.e.kind === 'capture')
        return c.rng.pick([
          `${capitalise(who)} announced the capture of ${c.T} on ${via}.`,
          `In a statement carried by ${via}, ${who} said its forces were in full control of ${c.T}.`,
        ]);
      if (c.e.kind === 'clash')
        return `${capitalise(who)} said in a statement carried by ${via} that its fighters had inflicted heavy losses.`;
      return c.rng.pick([
        `${capitalise(who)} claimed responsibility for the ${word} in a statement carried by ${via}.`,
        `In a statement carried by ${via}, ${who} said its fighters had carried out the ${word}.`,
        `${capitalise(who)} said in a statement carried by ${via} that it was behind the ${word}.`,
      ]);
    },
  ],
  // no claim
  [
    2,
    (c) => {
      if (c.e.claimedBy || c.e.actorType !== 'armed' || c.e.denial) return null;
      const word = NOUNS[c.e.kind].word;
      const generic = /^(Unidentified|Bandits)/.test(c.e.perpetrator);
      const opts = [`No group has claimed responsibility for the ${word}.`];
      if (!generic)
        opts.push(
          `There was no immediate claim of responsibility, but suspicion fell on ${group(c)}.`,
          `Officials blamed ${group(c)} for the ${word}.`,
        );
      return c.rng.pick(opts);
    },
  ],
  // denial
  [
    2.5,
    (c) =>
      c.e.denial
        ? c.rng.pick([
            `${capitalise(c.e.denial.by)} ${c.e.denial.says}.`,
            `${capitalise(c.e.denial.by)}, however, ${c.e.denial.says}.`,
          ])
        : null,
  ],
  // weapon
  [
    1.5,
    (c) =>
      c.weapon
        ? c.rng.pick([
            `${capitalise(c.rng.pick(c.e.attackers))} used ${c.weapon}, ${attribution(c, 1)}.`,
            `${capitalise(c.weapon)} were used in the ${NOUNS[c.e.kind].word}, according to ${c.src[1 % c.src.length]!}.`,
          ])
        : null,
  ],
  // injured
  [
    1,
    (c) => {
      const i = c.e.injured?.[0];
      if (!i) return null;
      return c.rng.pick([
        `${capitalise(numberWord(i))} other people were wounded.`,
        `Another ${numberWord(i)} people were injured, ${attribution(c, 1)}.`,
        `At least ${numberWord(i)} people were wounded and taken to hospital.`,
      ]);
    },
  ],
  // a second figure for the same incident
  [
    1.2,
    (c) => {
      const all = c.e.kind === 'abduction' || c.e.kind === 'arrest' ? (c.e.taken ?? []) : c.e.killed;
      const alt = all.find((v) => v !== c.fig && v > 0);
      if (alt === undefined || c.fig === null) return null;
      const s = c.src[1 % c.src.length]!;
      if (c.e.kind === 'abduction') return `${capitalise(s)} said ${numberWord(alt)} people had been taken.`;
      if (c.e.kind === 'arrest') return null;
      return c.rng.pick([
        `${capitalise(s)} put the death toll at ${numberWord(alt)}.`,
        `${capitalise(s)} gave a ${alt > c.fig ? 'higher' : 'lower'} toll of ${numberWord(alt)}.`,
      ]);
    },
  ],
  // quote
  [
    3,
    (c) => {
      const who =
        c.e.kind === 'arrest'
          ? c.src[0]!
          : c.rng.pick(['a resident', 'a witness', 'one resident', 'a local trader', 'a man who saw it']);
      return `"${c.rng.pick(quoteSet(c.e.kind))}," ${who} said.`;
    },
  ],
  // response
  [
    3.5,
    (c) => {
      if (!VIOLENT.includes(c.e.kind)) return null;
      const opts: string[] = [];
      if (c.e.actorType === 'armed')
        opts.push(
          'Security forces sealed off the area and launched a search for the attackers.',
          `Reinforcements were sent to ${c.T}, ${attribution(c, 1)}.`,
        );
      if (c.e.injured) opts.push(`The wounded were taken to hospital in ${c.T}.`);
      if (FROM_ABOVE.includes(c.e.kind) && c.e.actorType === 'state')
        opts.push('Rescue workers searched the rubble for survivors.');
      return opts.length ? c.rng.pick(opts) : null;
    },
  ],
  // sound
  [
    3.2,
    (c) => {
      if (!VIOLENT.includes(c.e.kind)) return null;
      const sound = BOMBS.includes(c.e.kind)
        ? 'a powerful explosion'
        : FROM_ABOVE.includes(c.e.kind)
          ? 'several loud explosions'
          : 'heavy gunfire';
      const where = c.rng.pick(['across the town', 'from several kilometres away', 'for a long time']);
      return `Residents reported hearing ${sound} ${where}.`;
    },
  ],
  // verification
  [
    4,
    (c) =>
      c.fig !== null && c.fig > 0
        ? c.rng.pick([
            `${c.outlet.name} could not independently verify the ${VIOLENT.includes(c.e.kind) ? 'toll' : 'figure'}.`,
            'The figures could not be independently verified.',
          ])
        : null,
  ],
  // place
  [
    4.5,
    (c) =>
      c.rng.pick(
        c.e.region.startsWith('the ')
          ? [`${c.T} is the capital of ${c.e.country}.`]
          : [
              `${c.T} lies in ${c.e.region}, in ${c.e.country}.`,
              `${c.T} is in ${c.e.country}'s ${c.e.region}.`,
            ],
      ),
  ],
  // condemnation
  [
    4.2,
    (c) => {
      if (!VIOLENT.includes(c.e.kind) && c.e.kind !== 'abduction') return null;
      const word = NOUNS[c.e.kind].word;
      const opts = [`Local authorities condemned the ${word}.`];
      if (c.e.actorType === 'armed')
        opts.push(`Officials condemned the ${word} and promised to find those responsible.`);
      return c.rng.pick(opts);
    },
  ],
  // more kind-specific colour
  [
    3.4,
    (c) => {
      switch (c.e.kind) {
        case 'protest':
          return c.rng.pick([
            'Organisers said more demonstrations were planned.',
            'Security forces were deployed along the route.',
          ]);
        case 'abduction':
          return `Community leaders said the ${c.victim} were taken away on foot.`;
        case 'arrest':
          return 'The suspects were expected to appear before an anti-terrorism court.';
        case 'capture':
          return `Residents said that many families had fled ${c.T} in the days of fighting before it fell.`;
        default:
          return null;
      }
    },
  ],
  // kind-specific colour
  [
    3,
    (c) => {
      switch (c.e.kind) {
        case 'protest':
          return c.rng.pick([
            'Some protesters carried banners and national flags.',
            `Shops in central ${c.T} closed as the crowd passed.`,
          ]);
        case 'abduction':
          return c.rng.pick([
            'Relatives appealed for the release of those taken.',
            'Police said a rescue operation was under way.',
            `No ransom demand had been made, ${attribution(c, 1)}.`,
          ]);
        case 'arrest':
          return c.rng.pick([
            'The suspects were taken to an undisclosed location for questioning.',
            `Officials said the men had been planning attacks in ${c.T}.`,
          ]);
        case 'capture':
          return c.rng.pick([
            `The capture is a major gain for ${group(c)}.`,
            `${capitalise(c.src[1 % c.src.length]!)} said ${c.e.target} had pulled back.`,
          ]);
        default:
          return null;
      }
    },
  ],
];

// ── titles ───────────────────────────────────────────────────────────────

function title(c: Ctx): string {
  const head = c.rng.pick(NOUNS[c.e.kind].head);
  const pl = plural(head);
  const n = c.fig ?? 0;
  const num = n <= 20 ? numberWord(n) : String(n);
  const Num = capitalise(num);
  const opts: string[] = [];
  switch (c.e.kind) {
    case 'abduction':
      opts.push(
        `${Num} ${c.victim} abducted in ${c.T}`,
        `${capitalise(c.F)} abduct ${num} in ${c.T}`,
        `${c.e.country}: ${num} ${c.victim} kidnapped near ${c.T}`,
        `Families wait for news after ${num} ${c.victim} seized in ${c.T}`,
      );
      break;
    case 'arrest':
      opts.push(
        `${Num} ${c.victim} arrested in ${c.T}`,
        ((g) => `${capitalise(g)} ${agree(g, 'detains')} ${num} in ${c.T} raid`)(group(c)),
        `${c.T} raid: ${num} ${c.victim} held`,
      );
      break;
    case 'protest': {
      const crowd = c.crowd.replace(/ of$/, '');
      opts.push(
        `${capitalise(crowd)} protest in ${c.T}`,
        `${capitalise(c.F)} rally in ${c.T} ${c.rng.pick(c.e.demand ?? [''])}`,
        `${c.T}: ${c.F} take to the streets`,
      );
      break;
    }
    case 'capture': {
      const g = c.e.claimedBy ? claimant(c) : group(c);
      opts.push(
        `${capitalise(g)} ${isPlural(g) ? 'say they have' : 'says it has'} taken ${c.T}`,
        `${c.T} falls to ${g}`,
        `${c.e.country}: ${g} ${agree(g, 'claims')} control of ${c.T}`,
      );
      break;
    }
    default:
      if (n === 0) {
        opts.push(
          `${capitalise(head)} ${pl ? 'target' : 'targets'} ${c.target} in ${c.T}`,
          `No casualties as ${head} ${pl ? 'hit' : 'hits'} ${c.T}`,
        );
        if (c.e.claimedBy)
          opts.push(((g) => `${capitalise(g)} ${agree(g, 'claims')} ${head} near ${c.T}`)(claimant(c)));
        break;
      }
      opts.push(
        `${Num} killed in ${c.T} ${head}`,
        `${capitalise(head)} ${pl ? 'kill' : 'kills'} ${num} in ${c.T}`,
        `${c.e.country}: ${num} dead after ${head} near ${c.T}`,
        `${c.T} ${head} ${pl ? 'leave' : 'leaves'} ${num} dead`,
        `Death toll from ${c.T} ${head} rises to ${num}`,
        `${Num} ${c.victim} killed in ${c.e.region}`,
      );
      if (c.e.claimedBy)
        opts.push(((g) => `${capitalise(g)} ${agree(g, 'claims')} deadly ${head} in ${c.T}`)(claimant(c)));
      if (c.e.injured?.[0])
        opts.push(`${capitalise(head)} in ${c.T}: ${num} dead, ${numberWord(c.e.injured[0])} wounded`);
  }
  return c.rng.pick(opts);
}

// ── one report ───────────────────────────────────────────────────────────

interface Draft {
  gold: string;
  outlet: Outlet;
  published: string;
  title: string;
  text: string;
  relayOf?: Draft;
}

function headlineFigure(e: IncidentSpec, index: number): number | null {
  const list = e.kind === 'abduction' || e.kind === 'arrest' ? (e.taken ?? []) : e.killed;
  return list.length ? list[index % list.length]! : null;
}

function makeContext(
  e: IncidentSpec,
  outlet: Outlet,
  published: string,
  index: number,
  rng: Rng,
  stable: boolean,
): Ctx {
  const exprs = dateExpressions(e.date, published).filter((x) => !stable || x.stable);
  return {
    e,
    rng,
    outlet,
    T: e.townVariants[(index + rng.int(0, 1)) % e.townVariants.length]!,
    F: rng.pick(e.attackers),
    target: rng.pick([e.target, ...(e.targetVariants ?? [])]),
    when: rng.pick(exprs).text,
    fig: headlineFigure(e, index),
    victim: e.victims.length ? rng.pick(e.victims) : 'people',
    src: rng.shuffle(e.sources),
    weapon: e.weapon ? `${numberWord(e.weapon.count)} ${e.weapon.noun}` : undefined,
    crowd: rng.pick(e.crowd ?? ['hundreds of']),
  };
}

function writeReport(c: Ctx): { title: string; text: string } {
  const { rng } = c;
  let lead: string | null = null;
  for (let tries = 0; lead === null && tries < 50; tries++) lead = rng.pick(leads(c))(c);
  if (lead === null) throw new Error(`no lead for ${c.e.id}`);
  if (c.outlet.credit && (c.outlet.wire || rng.chance(0.5)))
    lead = `${c.T.toUpperCase()}, ${c.e.country} (${c.outlet.credit}) — ${lead}`;

  // at least one of the incident's own details, then a random subset of the follow-ups until the report
  // is long enough, put roughly in news order; at most one background sentence
  type Piece = { rank: number; make: () => string | null };
  const details = rng.shuffle(c.e.details);
  const must: Piece[] = [{ rank: 0.5, make: () => fill(c, details[0]!) }];
  const optional: Piece[] = [
    ...details.slice(1).map((d) => ({ rank: 0.5, make: () => fill(c, d) })),
    ...FOLLOW_UPS.map(([rank, f]) => ({ rank, make: () => f(c) })),
  ];
  const background = c.e.background;
  if (background && rng.chance(0.6)) optional.push({ rank: 5, make: () => background });
  const goal = rng.int(80, 150);
  let words = wordCount(lead);
  const chosen: { rank: number; text: string }[] = [];
  for (const p of [...must, ...rng.shuffle(optional)]) {
    if (words >= goal) break;
    const text = p.make();
    if (!text || chosen.some((x) => x.text === text) || words + wordCount(text) > 195) continue;
    chosen.push({ rank: p.rank + rng.float() * 1.5, text });
    words += wordCount(text);
  }
  chosen.sort((x, y) => x.rank - y.rank);
  // paragraphs of one to three sentences
  const paras = [lead];
  for (let i = 0; i < chosen.length;) {
    const take = rng.int(1, 3);
    paras.push(
      chosen
        .slice(i, i + take)
        .map((x) => x.text)
        .join(' '),
    );
    i += take;
  }
  return { title: title(c), text: paras.join('\n\n') };
}

// ── the corpus ───────────────────────────────────────────────────────────

function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 64)
    .replace(/-$/, '');
}

function lagFor(rng: Rng, first: boolean, max: number): number {
  if (first) return Math.min(max, rng.chance(0.6) ? 0 : 1);
  const r = rng.float();
  return Math.min(max, r < 0.3 ? 0 : r < 0.65 ? 1 : r < 0.85 ? 2 : 3);
}

export function buildCorpus(seed = SEED): CorpusReport[] {
  const rng = new Rng(seed);
  const wire = OUTLETS.find((o) => o.wire)!;
  const regular = OUTLETS.filter((o) => !o.wire);
  const drafts: Draft[] = [];

  for (const e of INCIDENTS) {
    const pool = rng.shuffle(regular.filter((o) => !o.ccs || o.ccs.includes(e.cc)));
    const relays = e.wire?.relays ?? 0;
    const wanted = e.reports ?? (relays === 2 ? 3 : relays === 1 ? rng.int(3, 4) : rng.int(3, 5));
    const own = Math.min(wanted - (e.wire ? 1 : 0), pool.length);
    const outlets = pool.slice(0, own);
    const mine: Draft[] = [];
    outlets.forEach((outlet, i) => {
      const published = plusDays(e.date, lagFor(rng, i === 0, 3));
      const c = makeContext(e, outlet, published, i, rng, false);
      mine.push({ gold: e.id, outlet, published, ...writeReport(c) });
    });
    if (e.wire) {
      const delay = e.wire.delayDays;
      const published = plusDays(e.date, lagFor(rng, false, 3 - delay));
      const c = makeContext(e, wire, published, outlets.length, rng, delay > 0);
      const original: Draft = { gold: e.id, outlet: wire, published, ...writeReport(c) };
      mine.push(original);
      // relays: verbatim text, another outlet (any region: outlets carry world wire copy), new title
      const used = new Set(mine.map((d) => d.outlet.name));
      const relayOutlets = rng.shuffle(regular.filter((o) => !used.has(o.name))).slice(0, relays);
      for (const outlet of relayOutlets) {
        // same figure and spelling as the copy it carries, a headline of its own
        let t = original.title;
        for (let k = 0; k < 20 && t === original.title; k++) t = title({ ...c, outlet });
        mine.push({
          gold: e.id,
          outlet,
          published: plusDays(published, delay),
          title: t,
          text: original.text,
          relayOf: original,
        });
      }
    }
    drafts.push(...mine);
  }

  // a news stream: by publication day, shuffled within a day, relays after what they copy
  const keyed = drafts.map((d) => ({ d, k: rng.float() }));
  keyed.sort((a, b) =>
    a.d.published !== b.d.published
      ? a.d.published < b.d.published
        ? -1
        : 1
      : Number(!!a.d.relayOf) - Number(!!b.d.relayOf) || a.k - b.k,
  );
  const ids = new Map<Draft, string>();
  keyed.forEach(({ d }, i) => ids.set(d, `r${String(i + 1).padStart(3, '0')}`));
  const urls = new Set<string>();
  return keyed.map(({ d }) => {
    const id = ids.get(d)!;
    const [y, m, day] = d.published.split('-');
    const s = slug(d.title);
    let url =
      d.outlet.urlStyle === 'dated'
        ? `https://${d.outlet.domain}/${d.outlet.section}/${y}/${m}/${day}/${s}`
        : d.outlet.urlStyle === 'flat'
          ? `https://${d.outlet.domain}/${d.outlet.section}/${s}-${100000 + rng.int(0, 899999)}`
          : `https://${d.outlet.domain}/article?id=${y}${m}${day}${rng.int(1000, 9999)}`;
    while (urls.has(url)) url += `-${rng.int(2, 9)}`;
    urls.add(url);
    const out: CorpusReport = {
      id,
      gold: d.gold,
      outlet: d.outlet.name,
      published: d.published,
      url,
      title: d.title,
      text: d.text,
    };
    if (d.relayOf) out.relayOf = ids.get(d.relayOf)!;
    return out;
  });
}

const here = dirname(fileURLToPath(import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const corpus = buildCorpus();
  const file = join(here, 'corpus.jsonl');
  writeFileSync(file, corpus.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const relays = corpus.filter((r) => r.relayOf).length;
  console.log(
    `wrote ${corpus.length} reports (${relays} relayed copies) for ${INCIDENTS.length} incidents to ${file}`,
  );
}
