/**
 * Golden table for extraction tests.
 *
 * Every snippet below is self-written test text (not copied from any article). Each case records what
 * a careful human coder following the ACLED codebook conventions in docs/DOMAIN.md would record.
 * Optional fields that are left out are not part of the expectation for that case.
 *
 * Conventions used throughout:
 * - Relative dates resolve against `published`: "on Tuesday" is the most recent Tuesday on or before
 *   the publication date (day precision); "yesterday" is the day before; "on 3 March" is that day, in the
 *   previous year if that would fall after `published`; "earlier this month" runs from the 1st to
 *   `published` (precision 'month', or 'week' when that span is 7 days or less); "earlier this week" runs
 *   from Monday to `published` ('week'); "last week" is the previous Monday–Sunday ('week');
 *   "in September" / "last month" cover the whole month ('month'), in the previous year if that month
 *   is later than the publication month.
 * - Fatalities follow the most conservative credible figure: "at least 12" -> 12/12/12,
 *   "between 10 and 15" -> 10/10/15, "dozens" -> 12, "tens" -> 10. `null` means no figure is reported
 *   (including "no casualties were reported"); 0/0/0 only when the text says nobody was killed.
 * - Negated, hypothetical, threatened or planned actions and background aggregates are not events.
- An earlier event recalled months later ("…three months after jihadists killed 132 people in Solhan") is
  not news of this report: Docket records no new event for it and keeps it as a note ('earlier event
  restated'), which the case asserts through `notes`.
- A claim's `via` lists the relaying outlets nearest to the claimant first: "the governor told TASS,
  according to Reuters" is via TASS, then Reuters.
 * - Places are GeoNames names (or ascii names) from cities500.txt, or a country name when only the
 *   country is known.
 */

export interface GoldenEvent {
  eventType: string; // ACLED event type, exact spelling from DOMAIN.md
  subEventType: string; // ACLED sub-event type, exact spelling
  place?: string; // expected resolved place name (GeoNames name or ascii name), omit if none
  countryCode?: string; // ISO alpha-2 of the event place
  date?: { start: string; end: string; precision: 'day' | 'week' | 'month' | 'year' };
  actors?: string[]; // substrings (case-insensitive) that must appear among the event's actor names
  weapons?: { kind: string; count: number | null }[]; // kind: singular noun
  fatalities?: { low: number; best: number; high: number } | null; // null = not reported
  actor1?: string; // substring (case-insensitive) of the name of the actor coded as actor1
  targets?: string[]; // the physical targets hit, each exactly as one of the event's target spans
  victims?: string[]; // victims named by name, each exactly as one of the event's victim spans
  actorSpans?: string[]; // the parties as the text names them, each exactly as one of the 'actors' evidence spans
}

export interface GoldenClaim {
  claimant?: string; // substring of the claimant name
  via?: string[]; // substrings of relaying outlets, nearest first
  kind?: 'responsibility' | 'activity' | 'casualties' | 'denial' | 'assessment' | 'other';
  quantity?: number;
}

/** What a case is about, beyond the event types it names (the coverage test asks for each of them). */
export const GOLDEN_TAGS = [
  'negation', // an action said not to have happened
  'denial', // a party denies an action (a denial claim)
  'threat', // a threatened, vowed or planned action
  'hypothetical', // a conditional or possible action ("could strike", "if … would")
  'background', // history told as context ("the conflict began in 2012")
  'aggregate', // totals over a long period ("300 killed since January", "300 strikes this year")
  'restated', // an earlier event recalled months later
  'relay-chain', // a claim passed on through two or more outlets ("told TASS, according to Reuters")
] as const;
export type GoldenTag = (typeof GOLDEN_TAGS)[number];

export interface GoldenCase {
  name: string; // short unique name saying what it tests
  published: string; // YYYY-MM-DD, the report's publication date
  text: string;
  events: GoldenEvent[]; // [] when a careful coder records no event
  claims?: GoldenClaim[];
  tags?: GoldenTag[];
  /**
   * Reasons (substrings) Docket must give in its notes for words it chose not to code, e.g.
   * 'earlier event restated': the pipeline keeps a restated event as a note, not as a new event.
   */
  notes?: string[];
  /** Why Docket still gets this case wrong: the test reports it as skipped with this reason. */
  knownGap?: string;
}

const EXPLOSIONS = 'Explosions/Remote violence';
const VAC = 'Violence against civilians';
const STRATEGIC = 'Strategic developments';

export const GOLDEN_CASES: GoldenCase[] = [
  // ---------------------------------------------------------------- date expressions
  {
    name: 'date: "on Tuesday" resolves to the most recent Tuesday before a Thursday publication',
    published: '2024-03-14',
    text:
      'Two Russian missiles hit the centre of Sumy on Tuesday, killing three civilians and damaging a ' +
      'school, the regional military administration said.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Shelling/artillery/missile attack',
        place: 'Sumy',
        countryCode: 'UA',
        date: { start: '2024-03-12', end: '2024-03-12', precision: 'day' },
        actors: ['Russia'],
        weapons: [{ kind: 'missile', count: 2 }],
        fatalities: { low: 3, best: 3, high: 3 },
      },
    ],
  },
  {
    name: 'date: weekday equal to the publication day is the same day; "no casualties were reported" is null',
    published: '2024-05-07',
    text:
      'Al-Shabaab militants fired several mortar shells at the presidential palace compound in ' +
      'Mogadishu on Tuesday, police said. No casualties were reported.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Shelling/artillery/missile attack',
        place: 'Mogadishu',
        countryCode: 'SO',
        date: { start: '2024-05-07', end: '2024-05-07', precision: 'day' },
        actors: ['Shabaab'],
        weapons: [{ kind: 'mortar shell', count: null }],
        fatalities: null,
      },
    ],
  },
  {
    name: 'date: "yesterday" is the day before publication (armed clash)',
    published: '2023-11-09',
    text:
      'Somali soldiers clashed with al-Shabaab fighters near Afgooye yesterday, killing four militants, ' +
      'an army commander told reporters.',
    events: [
      {
        eventType: 'Battles',
        subEventType: 'Armed clash',
        place: 'Afgooye',
        countryCode: 'SO',
        date: { start: '2023-11-08', end: '2023-11-08', precision: 'day' },
        actors: ['Shabaab', 'Somali'],
        fatalities: { low: 4, best: 4, high: 4 },
      },
    ],
  },
  {
    name: 'date: "on 3 March" is an exact day in the publication year (landmine)',
    published: '2024-03-10',
    text:
      'A landmine exploded under a minibus on a farm road outside Baqubah on 3 March, killing five ' +
      'passengers, Iraqi police said.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Remote explosive/landmine/IED',
        place: 'Baqubah',
        countryCode: 'IQ',
        date: { start: '2024-03-03', end: '2024-03-03', precision: 'day' },
        weapons: [{ kind: 'landmine', count: 1 }],
        fatalities: { low: 5, best: 5, high: 5 },
      },
    ],
  },
  {
    name: 'date: a day-and-month later than publication falls in the previous year',
    published: '2024-01-05',
    text:
      'Russian artillery shelled a bus stop in Kherson on 28 December, killing two people, Ukrainian ' +
      'officials said on Friday.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Shelling/artillery/missile attack',
        place: 'Kherson',
        countryCode: 'UA',
        date: { start: '2023-12-28', end: '2023-12-28', precision: 'day' },
        actors: ['Russia'],
        fatalities: { low: 2, best: 2, high: 2 },
      },
    ],
  },
  {
    name: 'date: "earlier this month" mid-month spans the 1st to publication, month precision',
    published: '2024-06-20',
    text:
      "Gunmen from the Islamic State's Sahel branch killed at least 20 villagers in an attack near " +
      'Menaka earlier this month, local officials said on Thursday.',
    events: [
      {
        eventType: VAC,
        subEventType: 'Attack',
        place: 'Menaka',
        countryCode: 'ML',
        date: { start: '2024-06-01', end: '2024-06-20', precision: 'month' },
        actors: ['Islamic State'],
        fatalities: { low: 20, best: 20, high: 20 },
      },
    ],
  },
  {
    name: 'date: "earlier this month" within the first week gets week precision',
    published: '2024-09-05',
    text:
      'Nigerian troops repelled an attack by Islamic State West Africa Province fighters on a military ' +
      'base in Monguno earlier this month, the army said on Thursday, adding that 11 militants were killed.',
    events: [
      {
        eventType: 'Battles',
        subEventType: 'Armed clash',
        place: 'Monguno',
        countryCode: 'NG',
        date: { start: '2024-09-01', end: '2024-09-05', precision: 'week' },
        actors: ['Islamic State', 'Nigeria'],
        fatalities: { low: 11, best: 11, high: 11 },
      },
    ],
  },
  {
    name: 'date: "last week" is the previous Monday to Sunday (air strike)',
    published: '2024-04-17',
    text:
      'Myanmar military aircraft bombed a village near Monywa last week, killing seven civilians, a ' +
      'local resistance group said on Wednesday.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Air/drone strike',
        place: 'Monywa',
        countryCode: 'MM',
        date: { start: '2024-04-08', end: '2024-04-14', precision: 'week' },
        actors: ['Myanmar'],
        fatalities: { low: 7, best: 7, high: 7 },
      },
    ],
  },
  {
    name: 'date: "in September" published in October is the whole of September',
    published: '2023-10-12',
    text:
      'Malian soldiers and Wagner Group fighters executed at least 17 men in a village near Mopti in ' +
      'September, a human rights group said in a report published on Thursday.',
    events: [
      {
        eventType: VAC,
        subEventType: 'Attack',
        place: 'Mopti',
        countryCode: 'ML',
        date: { start: '2023-09-01', end: '2023-09-30', precision: 'month' },
        actors: ['Mali', 'Wagner'],
        fatalities: { low: 17, best: 17, high: 17 },
      },
    ],
  },
  {
    name: 'date: "last month" in a leap year covers all of February; looting without fatalities',
    published: '2024-03-05',
    text:
      'Residents said Rapid Support Forces fighters looted and set fire to the main market in Nyala ' +
      'last month, destroying hundreds of shops.',
    events: [
      {
        eventType: STRATEGIC,
        subEventType: 'Looting/property destruction',
        place: 'Nyala',
        countryCode: 'SD',
        date: { start: '2024-02-01', end: '2024-02-29', precision: 'month' },
        actors: ['Rapid Support'],
        fatalities: null,
      },
    ],
  },
  {
    name: 'date: a month later than the publication month means the previous year (abduction)',
    published: '2024-02-10',
    text:
      'Al-Shabaab fighters abducted six aid workers near Baidoa in November, their employer said on ' +
      'Saturday. Four of them have since been released.',
    events: [
      {
        eventType: VAC,
        subEventType: 'Abduction/forced disappearance',
        place: 'Baidoa',
        countryCode: 'SO',
        date: { start: '2023-11-01', end: '2023-11-30', precision: 'month' },
        actors: ['Shabaab'],
        fatalities: null,
      },
    ],
  },
  {
    name: 'date: "on Saturday night" published on Monday; place "near Konduga"',
    published: '2023-12-04',
    text:
      'Gunmen believed to be Boko Haram fighters killed eight farmers in their fields near Konduga on ' +
      'Saturday night, a local militia leader said.',
    events: [
      {
        eventType: VAC,
        subEventType: 'Attack',
        place: 'Konduga',
        countryCode: 'NG',
        date: { start: '2023-12-02', end: '2023-12-02', precision: 'day' },
        actors: ['Boko Haram'],
        fatalities: { low: 8, best: 8, high: 8 },
      },
    ],
  },
  {
    name: 'date: "earlier this week" runs from Monday to publication (drone strike)',
    published: '2024-08-28',
    text:
      'A Turkish drone struck a car near Manbij earlier this week, killing two fighters of the Syrian ' +
      'Democratic Forces, the SDF said on Wednesday.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Air/drone strike',
        place: 'Manbij',
        countryCode: 'SY',
        date: { start: '2024-08-26', end: '2024-08-28', precision: 'week' },
        actors: ['Turk', 'Syrian Democratic Forces'],
        weapons: [{ kind: 'drone', count: 1 }],
        fatalities: { low: 2, best: 2, high: 2 },
      },
    ],
  },

  // ---------------------------------------------------------------- places
  {
    name: 'place: "the town of X, 45 km north of Y" resolves to the named town X',
    published: '2024-10-16',
    text:
      'Gunmen attacked a police checkpoint in the town of Tarmiyah, 45 km north of Baghdad, on Monday ' +
      'night, killing two policemen, Iraqi security sources said.',
    events: [
      {
        eventType: 'Battles',
        subEventType: 'Armed clash',
        place: 'At Tarmiyah',
        countryCode: 'IQ',
        date: { start: '2024-10-14', end: '2024-10-14', precision: 'day' },
        actors: ['Iraq'],
        fatalities: { low: 2, best: 2, high: 2 },
      },
    ],
  },
  {
    name: 'place: an unnamed village "24 km north of Kirkuk" is coded near Kirkuk',
    published: '2024-07-11',
    text:
      'Islamic State militants attacked a village 24 km north of Kirkuk on Wednesday, killing three ' +
      'shepherds, a local official said.',
    events: [
      {
        eventType: VAC,
        subEventType: 'Attack',
        place: 'Kirkuk',
        countryCode: 'IQ',
        date: { start: '2024-07-10', end: '2024-07-10', precision: 'day' },
        actors: ['Islamic State'],
        fatalities: { low: 3, best: 3, high: 3 },
      },
    ],
  },
  {
    name: 'place: "near the town of Sake"; clash with no toll given',
    published: '2024-06-03',
    text:
      "Soldiers of the Democratic Republic of Congo's army clashed with M23 rebels near the town of Sake " +
      'on Sunday, the army said, without giving a toll.',
    events: [
      {
        eventType: 'Battles',
        subEventType: 'Armed clash',
        place: 'Sake',
        countryCode: 'CD',
        date: { start: '2024-06-02', end: '2024-06-02', precision: 'day' },
        actors: ['M23', 'Congo'],
        fatalities: null,
      },
    ],
  },
  {
    name: 'place: only the country is known ("northern Burkina Faso")',
    published: '2024-01-24',
    text:
      'Jihadists killed at least 15 civilians in an attack on a village in northern Burkina Faso on ' +
      'Sunday, a regional official said.',
    events: [
      {
        eventType: VAC,
        subEventType: 'Attack',
        place: 'Burkina Faso',
        countryCode: 'BF',
        date: { start: '2024-01-21', end: '2024-01-21', precision: 'day' },
        fatalities: { low: 15, best: 15, high: 15 },
      },
    ],
  },
  {
    name: 'place: spelling variant "Deir al-Zour" resolves to Deir ez-Zor (coalition air strike)',
    published: '2024-02-06',
    text:
      'Aircraft of the US-led coalition struck a weapons depot used by Iran-backed militias in ' +
      'Deir al-Zour city on Monday, killing six fighters, a war monitor said.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Air/drone strike',
        place: 'Deir ez-Zor',
        countryCode: 'SY',
        date: { start: '2024-02-05', end: '2024-02-05', precision: 'day' },
        actors: ['coalition'],
        fatalities: { low: 6, best: 6, high: 6 },
      },
    ],
  },
  {
    name: 'place: spelling variant "Mossul" resolves to Mosul (arrest)',
    published: '2023-09-14',
    text:
      'Iraqi counter-terrorism forces arrested a senior Islamic State official in Mossul on Wednesday, ' +
      'the Counter-Terrorism Service said in a statement.',
    events: [
      {
        eventType: STRATEGIC,
        subEventType: 'Arrests',
        place: 'Mosul',
        countryCode: 'IQ',
        date: { start: '2023-09-13', end: '2023-09-13', precision: 'day' },
        actors: ['Iraq'],
      },
    ],
  },
  {
    name: 'place: "Kiev" resolves to Kyiv; "seven drones"; nobody killed is 0',
    published: '2024-10-02',
    text:
      'Russian forces attacked Kiev with seven drones on Tuesday, damaging two apartment buildings. ' +
      'Nobody was killed, the city administration said.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Air/drone strike',
        place: 'Kyiv',
        countryCode: 'UA',
        date: { start: '2024-10-01', end: '2024-10-01', precision: 'day' },
        actors: ['Russia'],
        weapons: [{ kind: 'drone', count: 7 }],
        fatalities: { low: 0, best: 0, high: 0 },
      },
    ],
  },

  // ---------------------------------------------------------------- weapons and counts in words
  {
    name: 'weapons: "two car bombs" (not suicide) are remote explosives; "at least 12" is 12/12/12',
    published: '2024-03-26',
    text:
      'Two car bombs exploded near a busy market in Baidoa on Monday evening, killing at least 12 ' +
      'people, police said.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Remote explosive/landmine/IED',
        place: 'Baidoa',
        countryCode: 'SO',
        date: { start: '2024-03-25', end: '2024-03-25', precision: 'day' },
        weapons: [{ kind: 'car bomb', count: 2 }],
        fatalities: { low: 12, best: 12, high: 12 },
      },
    ],
  },
  {
    name: 'weapons: "a suicide bomber" counts as one; suicide bombing at a mosque',
    published: '2024-05-29',
    text:
      'A suicide bomber blew himself up at a mosque in Maiduguri during evening prayers on Tuesday, ' +
      'killing five worshippers, police said.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Suicide bomb',
        place: 'Maiduguri',
        countryCode: 'NG',
        date: { start: '2024-05-28', end: '2024-05-28', precision: 'day' },
        weapons: [{ kind: 'suicide bomber', count: 1 }],
        fatalities: { low: 5, best: 5, high: 5 },
      },
    ],
  },
  {
    name: 'weapons: uncounted "artillery shells"; "between 10 and 15 killed" is 10/10/15',
    published: '2023-07-18',
    text:
      'Artillery shells fired by the Rapid Support Forces hit homes in Omdurman on Monday, killing ' +
      'between 10 and 15 people, according to local medics.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Shelling/artillery/missile attack',
        place: 'Omdurman',
        countryCode: 'SD',
        date: { start: '2023-07-17', end: '2023-07-17', precision: 'day' },
        actors: ['Rapid Support'],
        weapons: [{ kind: 'artillery shell', count: null }],
        fatalities: { low: 10, best: 10, high: 15 },
      },
    ],
  },
  {
    name: 'weapons: "a ballistic missile"; actor alias Ansar Allah is the Houthis; Marib spelling',
    published: '2024-11-13',
    text:
      'Ansar Allah forces fired a ballistic missile at Marib on Monday. It struck a residential ' +
      'district, killing two children, the local government said.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Shelling/artillery/missile attack',
        place: "Ma'rib",
        countryCode: 'YE',
        date: { start: '2024-11-11', end: '2024-11-11', precision: 'day' },
        actors: ['Houthi'],
        weapons: [{ kind: 'ballistic missile', count: 1 }],
        fatalities: { low: 2, best: 2, high: 2 },
      },
    ],
  },
  {
    name: 'weapons: "a roadside bomb" is an IED with count 1',
    published: '2024-04-03',
    text:
      'A roadside bomb struck a Malian army truck near Gao on Tuesday, killing three soldiers, a ' +
      'military source said.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Remote explosive/landmine/IED',
        place: 'Gao',
        countryCode: 'ML',
        date: { start: '2024-04-02', end: '2024-04-02', precision: 'day' },
        actors: ['Mali'],
        weapons: [{ kind: 'roadside bomb', count: 1 }],
        fatalities: { low: 3, best: 3, high: 3 },
      },
    ],
  },
  {
    name: 'weapons: "an explosive vest"; responsibility claim via Andalus radio',
    published: '2023-09-25',
    text:
      'A suicide bomber wearing an explosive vest blew himself up outside a restaurant in Mogadishu on ' +
      'Saturday, killing at least seven people, police said. Al-Shabaab claimed responsibility in a ' +
      'statement carried by its Andalus radio.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Suicide bomb',
        place: 'Mogadishu',
        countryCode: 'SO',
        date: { start: '2023-09-23', end: '2023-09-23', precision: 'day' },
        actors: ['Shabaab'],
        weapons: [{ kind: 'explosive vest', count: 1 }],
        fatalities: { low: 7, best: 7, high: 7 },
      },
    ],
    claims: [{ claimant: 'Shabaab', via: ['Andalus'], kind: 'responsibility' }],
  },

  // ---------------------------------------------------------------- fatalities
  {
    name: 'fatalities: "dozens" is 12 (air strike on a market)',
    published: '2024-09-17',
    text:
      'Dozens of people were killed when Sudanese army aircraft bombed a market in Nyala on Monday, ' +
      'witnesses said.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Air/drone strike',
        place: 'Nyala',
        countryCode: 'SD',
        date: { start: '2024-09-16', end: '2024-09-16', precision: 'day' },
        actors: ['Sudan'],
        fatalities: { low: 12, best: 12, high: 12 },
      },
    ],
  },
  {
    name: 'fatalities: "tens of civilians" is 10 (attack on civilians by the ADF)',
    published: '2024-06-08',
    text:
      'Tens of civilians were killed when fighters of the Allied Democratic Forces (ADF) raided a ' +
      'village near Beni on Thursday, local officials said.',
    events: [
      {
        eventType: VAC,
        subEventType: 'Attack',
        place: 'Beni',
        countryCode: 'CD',
        date: { start: '2024-06-06', end: '2024-06-06', precision: 'day' },
        actors: ['Allied Democratic Forces'],
        fatalities: { low: 10, best: 10, high: 10 },
      },
    ],
  },
  {
    name: 'fatalities: two credible sources disagree, the lower is best and the higher is high',
    published: '2023-06-22',
    text:
      'Police said five people were killed when gunmen opened fire on a passenger bus near Kaya on ' +
      'Wednesday, while a hospital official put the toll at eight.',
    events: [
      {
        eventType: VAC,
        subEventType: 'Attack',
        place: 'Kaya',
        countryCode: 'BF',
        date: { start: '2023-06-21', end: '2023-06-21', precision: 'day' },
        fatalities: { low: 5, best: 5, high: 8 },
      },
    ],
  },
  {
    name: 'fatalities: a background total in the same report is not added to the event',
    published: '2024-01-15',
    text:
      'Suspected ISWAP fighters shot dead four fishermen near Monguno on Sunday, a militia leader ' +
      'said. The insurgency has killed more than 40,000 people since 2009.',
    events: [
      {
        eventType: VAC,
        subEventType: 'Attack',
        place: 'Monguno',
        countryCode: 'NG',
        date: { start: '2024-01-14', end: '2024-01-14', precision: 'day' },
        fatalities: { low: 4, best: 4, high: 4 },
      },
    ],
    tags: ['background', 'aggregate'],
    notes: ['aggregate'],
  },

  // ---------------------------------------------------------------- claims
  {
    name: 'claim: IS responsibility relayed through Amaq, alongside the ambush it claims',
    published: '2024-02-15',
    text:
      'IS fighters ambushed an Iraqi army patrol near Tikrit on Wednesday, killing four soldiers. IS ' +
      'claimed responsibility in a statement on its Amaq news agency.',
    events: [
      {
        eventType: 'Battles',
        subEventType: 'Armed clash',
        place: 'Tikrit',
        countryCode: 'IQ',
        date: { start: '2024-02-14', end: '2024-02-14', precision: 'day' },
        actors: ['Islamic State', 'Iraq'],
        fatalities: { low: 4, best: 4, high: 4 },
      },
    ],
    claims: [{ claimant: 'Islamic State', via: ['Amaq'], kind: 'responsibility' }],
  },
  {
    name: 'claim: ministry figures relayed through state news agency SANA',
    published: '2024-08-20',
    text:
      'Israeli air strikes hit a building in Damascus on Sunday, killing two Syrian soldiers, the ' +
      'defence ministry told state news agency SANA.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Air/drone strike',
        place: 'Damascus',
        countryCode: 'SY',
        date: { start: '2024-08-18', end: '2024-08-18', precision: 'day' },
        actors: ['Israel'],
        fatalities: { low: 2, best: 2, high: 2 },
      },
    ],
    claims: [{ claimant: 'ministry', via: ['SANA'], kind: 'casualties', quantity: 2 }],
  },
  {
    name: 'claim: a yearly activity count is a claim with a quantity, not an event',
    published: '2024-10-17',
    text:
      'US Central Command said on Thursday that it had carried out 300 strikes against Islamic State ' +
      'targets in Iraq and Syria this year.',
    events: [],
    claims: [{ claimant: 'Central Command', kind: 'activity', quantity: 300 }],
    tags: ['aggregate'],
  },
  {
    name: 'claim: responsibility relayed through two outlets, nearest first',
    published: '2024-09-02',
    text:
      'Al-Shabaab fighters attacked a military base near Kismayo on Friday and fought soldiers for ' +
      'several hours, the army said. Al-Shabaab claimed responsibility in a statement carried by its ' +
      'Andalus radio, according to the SITE monitoring group.',
    events: [
      {
        eventType: 'Battles',
        subEventType: 'Armed clash',
        place: 'Kismayo',
        countryCode: 'SO',
        date: { start: '2024-08-30', end: '2024-08-30', precision: 'day' },
        actors: ['Shabaab'],
        fatalities: null,
      },
    ],
    claims: [{ claimant: 'Shabaab', via: ['Andalus', 'SITE'], kind: 'responsibility' }],
    tags: ['relay-chain'],
  },
  {
    name: 'claim: a daily aggregate loss figure relayed by a news agency is a claim, not an event',
    published: '2024-02-19',
    text:
      "Russia lost about 1,200 soldiers killed or wounded over the past day, Ukraine's general staff " +
      'said on Monday, according to the Ukrinform news agency.',
    events: [],
    claims: [{ claimant: 'general staff', via: ['Ukrinform'], kind: 'casualties', quantity: 1200 }],
    tags: ['aggregate'],
  },

  // ---------------------------------------------------------------- negation, hypotheticals, background
  {
    name: 'negation: a denial of shelling is a denial claim and no event',
    published: '2024-01-15',
    text:
      'The Turkish defence ministry denied on Monday that its forces had shelled a village near Manbij, ' +
      'calling the reports fabricated.',
    events: [],
    claims: [{ claimant: 'ministry', kind: 'denial' }],
    tags: ['negation', 'denial'],
    notes: ['negated'],
  },
  {
    name: 'negation: "no strikes were carried out" is a denial, not an air strike',
    published: '2023-10-30',
    text:
      'The US-led coalition said on Monday that no strikes were carried out near Albu Kamal over the ' +
      'weekend.',
    events: [],
    claims: [{ claimant: 'coalition', kind: 'denial' }],
    tags: ['negation', 'denial'],
  },
  {
    name: 'negation: army denies its aircraft bombed a town',
    published: '2024-04-22',
    text:
      'A spokesman for the Sudanese army denied that its aircraft had bombed residential areas of ' +
      'Geneina, saying its jets had not flown over the city for weeks.',
    events: [],
    claims: [{ claimant: 'army', kind: 'denial' }],
    tags: ['negation', 'denial'],
    notes: ['negated'],
  },
  {
    name: 'hypothetical: a threat to attack is not an event',
    published: '2024-02-01',
    text:
      'Al-Shabaab threatened to attack hotels and government buildings in Mogadishu if foreign troops ' +
      'did not leave Somalia, in an audio message released on Thursday.',
    events: [],
    tags: ['threat'],
    notes: ['hypothetical or threatened'],
  },
  {
    name: 'hypothetical: "could strike" is not an event',
    published: '2024-07-22',
    text:
      'Israeli officials warned that the military could strike Houthi-held ports in Hodeida again if ' +
      'attacks on Israel continue.',
    events: [],
    claims: [{ claimant: 'officials', kind: 'other' }],
    tags: ['threat', 'hypothetical'],
  },
  {
    name: 'hypothetical: a planned offensive is not an event',
    published: '2023-09-20',
    text:
      'The Malian army plans to launch an offensive to retake Kidal from separatist groups in the ' +
      'coming weeks, two officials said on Wednesday.',
    events: [],
    tags: ['threat'],
    notes: ['hypothetical or threatened'],
  },
  {
    name: 'background: war-wide aggregates are not events',
    published: '2024-03-15',
    text:
      "More than 500,000 people have been killed in Syria's war since 2011, according to a monitoring " +
      'group, and around 12 million have been forced from their homes.',
    events: [],
    tags: ['background', 'aggregate'],
    notes: ['aggregate'],
  },
  {
    name: 'background: an anniversary summary with yearly tallies is not an event',
    published: '2024-04-15',
    text:
      'A year after the war in Sudan began, at least 14,000 people have been killed and more than ' +
      '8 million displaced, UN agencies said on Monday.',
    events: [],
    tags: ['background', 'aggregate'],
    notes: ['historical background'],
  },

  // ---------------------------------------------------------------- other event types
  {
    name: 'event type: peaceful protest',
    published: '2024-02-12',
    text:
      'Hundreds of displaced people marched peacefully through Goma on Monday to demand better ' +
      'protection from the M23 rebels, carrying banners and singing.',
    events: [
      {
        eventType: 'Protests',
        subEventType: 'Peaceful protest',
        place: 'Goma',
        countryCode: 'CD',
        date: { start: '2024-02-12', end: '2024-02-12', precision: 'day' },
      },
    ],
  },
  {
    name: 'event type: protest dispersed with tear gas is a protest with intervention',
    published: '2024-03-16',
    text:
      'Police fired tear gas to disperse several hundred people who had gathered in Bamako on Friday to ' +
      'protest against long power cuts. No one was hurt, witnesses said.',
    events: [
      {
        eventType: 'Protests',
        subEventType: 'Protest with intervention',
        place: 'Bamako',
        countryCode: 'ML',
        date: { start: '2024-03-15', end: '2024-03-15', precision: 'day' },
        fatalities: { low: 0, best: 0, high: 0 },
      },
    ],
  },
  {
    name: 'event type: arrest of suspected militants',
    published: '2024-06-12',
    text:
      'Nigerian soldiers arrested three men suspected of supplying fuel and food to Boko Haram in Bama ' +
      'yesterday, an army spokesman said.',
    events: [
      {
        eventType: STRATEGIC,
        subEventType: 'Arrests',
        place: 'Bama',
        countryCode: 'NG',
        date: { start: '2024-06-11', end: '2024-06-11', precision: 'day' },
        actors: ['Nigeria'],
      },
    ],
  },
  {
    name: 'event type: abduction of bus passengers',
    published: '2024-05-22',
    text:
      'JNIM fighters abducted 15 passengers from a bus on the road near Dori on 19 May, relatives and a ' +
      'local official said.',
    events: [
      {
        eventType: VAC,
        subEventType: 'Abduction/forced disappearance',
        place: 'Dori',
        countryCode: 'BF',
        date: { start: '2024-05-19', end: '2024-05-19', precision: 'day' },
        actors: ['JNIM'],
        fatalities: null,
      },
    ],
  },
  {
    name: 'event type: rebels capture a city (non-state actor overtakes territory)',
    published: '2023-12-19',
    text:
      'Rapid Support Forces fighters took control of Wad Medani on Monday after three days of fighting ' +
      'with the Sudanese army, residents said.',
    events: [
      {
        eventType: 'Battles',
        subEventType: 'Non-state actor overtakes territory',
        place: 'Wad Medani',
        countryCode: 'SD',
        date: { start: '2023-12-18', end: '2023-12-18', precision: 'day' },
        actors: ['Rapid Support', 'Sudan'],
        fatalities: null,
      },
    ],
  },
  {
    name: 'event type: the army retakes a site (government regains territory)',
    published: '2024-03-12',
    text:
      'The Sudanese army said its troops had recaptured the state broadcasting headquarters in Omdurman ' +
      'from the Rapid Support Forces on Tuesday.',
    events: [
      {
        eventType: 'Battles',
        subEventType: 'Government regains territory',
        place: 'Omdurman',
        countryCode: 'SD',
        date: { start: '2024-03-12', end: '2024-03-12', precision: 'day' },
        actors: ['Sudan', 'Rapid Support'],
      },
    ],
  },
  {
    name: 'two events in one report: different places and days',
    published: '2024-07-24',
    text:
      'Russian shelling killed two people in Kherson on Monday. On Tuesday, a Russian drone strike on ' +
      'Nikopol killed one man, the regional governor said.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Shelling/artillery/missile attack',
        place: 'Kherson',
        countryCode: 'UA',
        date: { start: '2024-07-22', end: '2024-07-22', precision: 'day' },
        actors: ['Russia'],
        fatalities: { low: 2, best: 2, high: 2 },
      },
      {
        eventType: EXPLOSIONS,
        subEventType: 'Air/drone strike',
        place: 'Nikopol',
        countryCode: 'UA',
        date: { start: '2024-07-23', end: '2024-07-23', precision: 'day' },
        actors: ['Russia'],
        weapons: [{ kind: 'drone', count: 1 }],
        fatalities: { low: 1, best: 1, high: 1 },
      },
    ],
  },
  {
    name: 'event and denial in one report: the accused party denies, the event stays',
    published: '2024-05-04',
    text:
      'Shells hit a camp for displaced people on the outskirts of Goma on Friday, killing at least nine ' +
      'people, officials said. The army blamed the M23 rebels, who denied any involvement.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Shelling/artillery/missile attack',
        place: 'Goma',
        countryCode: 'CD',
        date: { start: '2024-05-03', end: '2024-05-03', precision: 'day' },
        weapons: [{ kind: 'shell', count: null }],
        fatalities: { low: 9, best: 9, high: 9 },
      },
    ],
    claims: [{ claimant: 'M23', kind: 'denial' }],
    tags: ['denial'],
  },
  {
    name: 'claim: "…, said NAME, a spokesman for X" closing the sentence',
    published: '2024-03-14',
    text: 'Two fighters were killed when their vehicle hit a landmine near Raqqa on Wednesday, said Farhad Shami, a spokesman for the Syrian Democratic Forces.',
    events: [
      {
        eventType: 'Explosions/Remote violence',
        subEventType: 'Remote explosive/landmine/IED',
        place: 'Raqqa',
        countryCode: 'SY',
        date: { start: '2024-03-13', end: '2024-03-13', precision: 'day' },
        fatalities: { low: 2, best: 2, high: 2 },
      },
    ],
    claims: [{ claimant: 'Farhad Shami', kind: 'casualties' }],
  },
  {
    name: 'claim: the role runs into the name ("SDF spokesman Farhad Shami told …")',
    published: '2024-03-14',
    text: 'Syrian Democratic Forces spokesman Farhad Shami told Hawar news agency that three fighters died in clashes with Islamic State near Hajin on Tuesday.',
    events: [
      {
        eventType: 'Battles',
        subEventType: 'Armed clash',
        place: 'Hajin',
        countryCode: 'SY',
        date: { start: '2024-03-12', end: '2024-03-12', precision: 'day' },
        actors: ['Islamic State'],
        fatalities: { low: 3, best: 3, high: 3 },
      },
    ],
    claims: [{ claimant: 'Farhad Shami', via: ['Hawar'], kind: 'casualties' }],
  },

  // ---------------------------------------------------------------- every ACLED sub-event type
  {
    name: 'event type: chlorine dropped from helicopters is a chemical weapon attack; no deaths reported',
    published: '2018-02-06',
    text:
      'Syrian government helicopters dropped chlorine gas bombs on Saraqib on Sunday night, causing ' +
      'dozens of residents to suffer breathing difficulties, rescue workers said.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Chemical weapon',
        place: 'Saraqib',
        countryCode: 'SY',
        date: { start: '2018-02-04', end: '2018-02-04', precision: 'day' },
        actors: ['Syria'],
        weapons: [{ kind: 'chlorine gas', count: null }],
        fatalities: null,
      },
    ],
  },
  {
    name: 'event type: a grenade thrown into a bar; the wounded are not fatalities',
    published: '2016-03-21',
    text:
      'An unknown attacker threw a hand grenade into a crowded bar in Bujumbura on Saturday night, ' +
      'wounding 12 people, police said.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Grenade',
        place: 'Bujumbura',
        countryCode: 'BI',
        date: { start: '2016-03-19', end: '2016-03-19', precision: 'day' },
        actors: ['Unidentified Armed Group'],
        weapons: [{ kind: 'grenade', count: 1 }],
        fatalities: null,
      },
    ],
    claims: [{ claimant: 'police', kind: 'casualties', quantity: 12 }],
  },
  {
    name: 'event type: rape of displaced women is sexual violence',
    published: '2024-04-10',
    text:
      'Gunmen raped four women who were collecting firewood outside a displacement camp near Bunia on ' +
      'Sunday, a local aid worker said.',
    events: [
      {
        eventType: VAC,
        subEventType: 'Sexual violence',
        place: 'Bunia',
        countryCode: 'CD',
        date: { start: '2024-04-07', end: '2024-04-07', precision: 'day' },
        actors: ['Unidentified Armed Group', 'Civilians'],
        fatalities: null,
      },
    ],
  },
  {
    name: 'event type: security forces kill protesters (excessive force); "killing four demonstrators" is the toll',
    published: '2022-01-14',
    text:
      'Sudanese security forces opened fire on protesters marching against military rule in Khartoum on ' +
      "Thursday, killing four demonstrators, a doctors' committee said.",
    events: [
      {
        eventType: 'Protests',
        subEventType: 'Excessive force against protesters',
        place: 'Khartoum',
        countryCode: 'SD',
        date: { start: '2022-01-13', end: '2022-01-13', precision: 'day' },
        actors: ['Sudan', 'Protesters'],
        fatalities: { low: 4, best: 4, high: 4 },
      },
    ],
    claims: [{ claimant: 'committee', kind: 'casualties' }],
  },
  {
    name: 'event type: stones thrown at police and burning tyres are a violent demonstration',
    published: '2023-06-03',
    text:
      'Supporters of the opposition leader threw stones at police and burned tyres in Dakar on Friday ' +
      'after he was sentenced to two years in prison.',
    events: [
      {
        eventType: 'Riots',
        subEventType: 'Violent demonstration',
        place: 'Dakar',
        countryCode: 'SN',
        date: { start: '2023-06-02', end: '2023-06-02', precision: 'day' },
        actors: ['Police'],
        fatalities: null,
      },
    ],
  },
  {
    name: 'event type: a mob beats two men to death (mob violence); what they were accused of is no event',
    published: '2024-03-20',
    text:
      'A mob of residents beat two men to death in a market in Kano on Tuesday after accusing them of ' +
      'kidnapping children, police said.',
    events: [
      {
        eventType: 'Riots',
        subEventType: 'Mob violence',
        place: 'Kano',
        countryCode: 'NG',
        date: { start: '2024-03-19', end: '2024-03-19', precision: 'day' },
        actors: ['Rioters', 'Civilians'],
        fatalities: { low: 2, best: 2, high: 2 },
      },
    ],
    claims: [{ claimant: 'police', kind: 'casualties' }],
  },
  {
    name: 'event type: a ceasefire signed by the warring parties is an agreement',
    published: '2023-05-21',
    text:
      'The Sudanese army and the Rapid Support Forces signed a week-long ceasefire agreement in Jeddah ' +
      'on Saturday, Saudi and US mediators said.',
    events: [
      {
        eventType: STRATEGIC,
        subEventType: 'Agreement',
        place: 'Jeddah',
        countryCode: 'SA',
        date: { start: '2023-05-20', end: '2023-05-20', precision: 'day' },
        actors: ['Sudan', 'Rapid Support'],
        fatalities: null,
      },
    ],
  },
  {
    name: 'event type: a militia commander defecting with his fighters is a change to group/activity',
    published: '2024-02-13',
    text:
      'A commander of the Ahlu Sunna Wal Jamaa militia defected to the government with about 200 of his ' +
      'fighters in Dhusamareb on Monday, a regional official said.',
    events: [
      {
        eventType: STRATEGIC,
        subEventType: 'Change to group/activity',
        place: 'Dhuusamarreeb',
        countryCode: 'SO',
        date: { start: '2024-02-12', end: '2024-02-12', precision: 'day' },
        fatalities: null,
      },
    ],
  },
  {
    name: 'event type: defused roadside bombs are disrupted weapons use, not an IED attack',
    published: '2024-05-13',
    text:
      'Iraqi bomb disposal teams defused two roadside bombs planted on the main road near Tikrit on ' +
      'Sunday, police said.',
    events: [
      {
        eventType: STRATEGIC,
        subEventType: 'Disrupted weapons use',
        place: 'Tikrit',
        countryCode: 'IQ',
        date: { start: '2024-05-12', end: '2024-05-12', precision: 'day' },
        weapons: [{ kind: 'roadside bomb', count: 2 }],
        fatalities: null,
      },
    ],
  },
  {
    name: 'event type: a new military base is a headquarters or base established ("last week")',
    published: '2024-03-19',
    text:
      'Turkish forces set up a new military base near Zakho in northern Iraq last week, Kurdish ' +
      'officials said on Monday.',
    events: [
      {
        eventType: STRATEGIC,
        subEventType: 'Headquarters or base established',
        place: 'Zaxo',
        countryCode: 'IQ',
        date: { start: '2024-03-11', end: '2024-03-17', precision: 'week' },
        actors: ['Turkey'],
      },
    ],
  },
  {
    name: 'event type: peacekeepers handing over a camp is a non-violent transfer of territory',
    published: '2023-10-23',
    text:
      'UN peacekeepers handed over their camp in Tessalit to the Malian army on Saturday as part of the ' +
      "mission's withdrawal from Mali.",
    events: [
      {
        eventType: STRATEGIC,
        subEventType: 'Non-violent transfer of territory',
        place: 'Tessalit',
        countryCode: 'ML',
        date: { start: '2023-10-21', end: '2023-10-21', precision: 'day' },
        actors: ['United Nations', 'Mali'],
        fatalities: null,
      },
    ],
  },
  {
    name: 'event type: a coup is "Other", not the arrest it brings',
    published: '2023-07-27',
    text:
      'Members of the presidential guard staged a coup in Niamey on Wednesday and detained President ' +
      'Mohamed Bazoum, state television said.',
    events: [
      {
        eventType: STRATEGIC,
        subEventType: 'Other',
        place: 'Niamey',
        countryCode: 'NE',
        date: { start: '2023-07-26', end: '2023-07-26', precision: 'day' },
        fatalities: null,
      },
    ],
  },

  // ---------------------------------------------------------------- relay chains and claim kinds
  {
    name: 'relay chain: a spokesman told Saba, as reported by Reuters (drone shot down)',
    published: '2024-05-29',
    text:
      'Houthi forces shot down a US MQ-9 Reaper drone over Marib province on Tuesday, a Houthi military ' +
      'spokesman told the Saba news agency, as reported by Reuters.',
    events: [
      {
        eventType: STRATEGIC,
        subEventType: 'Disrupted weapons use',
        place: "Ma'rib",
        countryCode: 'YE',
        date: { start: '2024-05-28', end: '2024-05-28', precision: 'day' },
        actors: ['Houthi'],
        weapons: [{ kind: 'drone', count: null }],
      },
    ],
    claims: [{ claimant: 'spokesman', via: ['Saba', 'Reuters'], kind: 'activity' }],
    tags: ['relay-chain'],
  },
  {
    name: 'relay chain: a governor told TASS, according to Reuters (drone strike toll)',
    published: '2024-03-18',
    text:
      'Two people were killed when a Ukrainian drone hit a car in Belgorod on Sunday, the regional ' +
      'governor told the TASS news agency, according to Reuters.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Air/drone strike',
        place: 'Belgorod',
        countryCode: 'RU',
        date: { start: '2024-03-17', end: '2024-03-17', precision: 'day' },
        actors: ['Ukraine'],
        weapons: [{ kind: 'drone', count: 1 }],
        fatalities: { low: 2, best: 2, high: 2 },
      },
    ],
    claims: [{ claimant: 'governor', via: ['TASS', 'Reuters'], kind: 'casualties', quantity: 2 }],
    tags: ['relay-chain'],
  },
  {
    name: "claim: an analyst's attribution of the attack is an assessment; the trend is no event",
    published: '2024-06-04',
    text:
      'Gunmen killed nine fishermen near Kukawa on Saturday, a militia leader said. A regional security ' +
      'analyst said the attack was likely the work of ISWAP, which has stepped up raids on fishing ' +
      'communities in recent months.',
    events: [
      {
        eventType: VAC,
        subEventType: 'Attack',
        place: 'Kukawa',
        countryCode: 'NG',
        date: { start: '2024-06-01', end: '2024-06-01', precision: 'day' },
        actors: ['Unidentified Armed Group', 'Civilians'],
        fatalities: { low: 9, best: 9, high: 9 },
      },
    ],
    claims: [
      { claimant: 'militia leader', kind: 'casualties' },
      { claimant: 'analyst', kind: 'assessment' },
    ],
  },
  {
    name: 'claim: an intelligence estimate of remaining missiles is an assessment, not an event',
    published: '2024-03-12',
    text:
      "Ukraine's military intelligence believes Russia has fewer than 100 Kinzhal hypersonic missiles " +
      'left, its spokesman told reporters on Tuesday.',
    events: [],
    claims: [{ claimant: 'spokesman', kind: 'assessment', quantity: 100 }],
  },

  // ---------------------------------------------------------------- negation, threats, background, aggregates, restated events
  {
    name: 'negation: "no attack took place" is a denial and no event',
    published: '2024-01-22',
    text:
      'Contrary to rumours on social media, no attack took place in Goma on Monday, the provincial ' +
      'governor said.',
    events: [],
    claims: [{ claimant: 'governor', kind: 'denial' }],
    tags: ['negation', 'denial'],
    notes: ['negated'],
  },
  {
    name: 'negation: troops "had not clashed" with the rebels is no armed clash',
    published: '2024-03-05',
    text: 'The army said its troops had not clashed with M23 rebels near Sake over the weekend.',
    events: [],
    claims: [{ claimant: 'army', kind: 'denial' }],
    tags: ['negation', 'denial'],
    notes: ['negated'],
  },
  {
    name: 'threat: a vow to attack warships is no event',
    published: '2024-01-11',
    text: 'The Houthis vowed to attack any US warship that enters the Red Sea, a spokesman said on Wednesday.',
    events: [],
    claims: [{ claimant: 'spokesman', kind: 'other' }],
    tags: ['threat'],
    notes: ['hypothetical or threatened'],
  },
  {
    name: 'threat: an attack told, then a vow of more attacks: one event',
    published: '2024-04-16',
    text:
      'Al-Shabaab fighters attacked an army base in Bulo Burde on Monday, killing five soldiers, the army ' +
      'said. The group vowed to carry out more attacks on government forces.',
    events: [
      {
        eventType: 'Battles',
        subEventType: 'Armed clash',
        place: 'Buulobarde',
        countryCode: 'SO',
        date: { start: '2024-04-15', end: '2024-04-15', precision: 'day' },
        actors: ['Shabaab', 'Somalia'],
        fatalities: { low: 5, best: 5, high: 5 },
      },
    ],
    claims: [{ claimant: 'army', kind: 'casualties', quantity: 5 }],
    tags: ['threat'],
    notes: ['hypothetical or threatened'],
  },
  {
    name: 'hypothetical: "if the talks fail, the army would launch an offensive" is no event',
    published: '2024-07-22',
    text:
      'If the talks fail, the army would launch a new offensive against the rebels in Darfur, a senior ' +
      'officer said.',
    events: [],
    tags: ['hypothetical', 'threat'],
    notes: ['hypothetical or threatened'],
  },
  {
    name: 'background: how the conflict began in 2012 is no event',
    published: '2024-06-10',
    text:
      'The conflict began in 2012, when Tuareg separatists and jihadists captured the towns of Kidal, ' +
      'Gao and Timbuktu.',
    events: [],
    tags: ['background'],
    notes: ['historical background'],
  },
  {
    name: 'aggregate: "more than 300 people have been killed … since January" is a claim, not an event',
    published: '2024-05-02',
    text:
      'More than 300 people have been killed in attacks by armed gangs in Port-au-Prince since January, ' +
      'the United Nations said on Thursday.',
    events: [],
    claims: [{ claimant: 'United Nations', kind: 'casualties', quantity: 300 }],
    tags: ['aggregate'],
    notes: ['aggregate'],
  },
  {
    name: 'aggregate: a toll "so far this year" is a claim, not an event',
    published: '2024-08-15',
    text:
      'Gunmen have killed at least 80 people in attacks on villages in Zamfara so far this year, the ' +
      'state police said.',
    events: [],
    claims: [{ claimant: 'police', kind: 'casualties', quantity: 80 }],
    tags: ['aggregate'],
    notes: ['aggregate'],
  },
  {
    name: 'restated: a massacre recalled three months later is no new event (kept as a note); the new attack is',
    published: '2021-09-20',
    text:
      'Gunmen killed 12 villagers in an attack near Djibo on Sunday, a local official said. The attack ' +
      'came three months after jihadists killed at least 132 people in Solhan on 5 June.',
    events: [
      {
        eventType: VAC,
        subEventType: 'Attack',
        place: 'Djibo',
        countryCode: 'BF',
        date: { start: '2021-09-19', end: '2021-09-19', precision: 'day' },
        actors: ['Unidentified Armed Group'],
        fatalities: { low: 12, best: 12, high: 12 },
      },
    ],
    tags: ['restated'],
    notes: ['earlier event restated'],
  },
  {
    name: 'restated: an attack of March recalled in October is no new event (kept as a note)',
    published: '2024-10-21',
    text:
      'In March, Islamic State gunmen killed 145 people at the Crocus City Hall concert venue near ' +
      'Moscow.',
    events: [],
    tags: ['restated'],
    notes: ['earlier event restated'],
  },
  // ---------------------------------------------------------------- roles and terrorism-style reports
  {
    name: 'roles: the party that accuses another of shelling is no actor of the shelling',
    published: '2024-05-02',
    text:
      "Sudan's army accused the Rapid Support Forces of deliberately shelling civilians in El Fasher on " +
      'Tuesday, killing 12 people.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Shelling/artillery/missile attack',
        place: 'El Fasher',
        countryCode: 'SD',
        date: { start: '2024-04-30', end: '2024-04-30', precision: 'day' },
        actor1: 'Rapid Support Forces',
        fatalities: { low: 12, best: 12, high: 12 },
      },
    ],
  },
  {
    name: 'trigger: "blew up" is an explosive attack; the installation hit is its target',
    published: '2024-03-05',
    text:
      'Urban guerrillas blew up an electric power substation in San Salvador on Sunday, leaving much of the ' +
      'capital without electricity.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Remote explosive/landmine/IED',
        place: 'San Salvador',
        countryCode: 'SV',
        date: { start: '2024-03-03', end: '2024-03-03', precision: 'day' },
        actor1: 'Unidentified Armed Group',
        targets: ['electric power substation'],
      },
    ],
  },
  {
    name: 'trigger: sabotage with dynamite is an explosive attack; dynamite is a weapon',
    published: '2024-03-05',
    text: 'Rebels sabotaged an oil pipeline near Arauca with dynamite on Monday, officials said.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Remote explosive/landmine/IED',
        place: 'Arauca',
        countryCode: 'CO',
        date: { start: '2024-03-04', end: '2024-03-04', precision: 'day' },
        weapons: [{ kind: 'dynamite', count: null }],
        targets: ['oil pipeline'],
      },
    ],
  },
  {
    name: 'trigger: "bombed" by the air force is an air strike, not a planted bomb',
    published: '2024-03-05',
    text: 'The air force bombed rebel positions near Arauca on Monday, the army said.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Air/drone strike',
        place: 'Arauca',
        countryCode: 'CO',
        date: { start: '2024-03-04', end: '2024-03-04', precision: 'day' },
        actor1: 'Military Forces of Colombia',
      },
    ],
  },
  {
    name: 'weapons: arms confiscated after a clash are no weapons of the clash (it stays an armed clash)',
    published: '2024-03-05',
    text:
      'Soldiers clashed with guerrillas near Arauca on Monday and confiscated 16 rifles and two grenades, ' +
      'the army said.',
    events: [
      {
        eventType: 'Battles',
        subEventType: 'Armed clash',
        place: 'Arauca',
        countryCode: 'CO',
        date: { start: '2024-03-04', end: '2024-03-04', precision: 'day' },
        actors: ['Military Forces of Colombia', 'Unidentified Armed Group'],
      },
    ],
  },
  {
    name: 'anchoring: a party and the installation it destroyed make an event, with no place or time told',
    published: '2024-03-05',
    text: 'Guerrillas dynamited three electricity pylons, the power company said.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Remote explosive/landmine/IED',
        actor1: 'Unidentified Armed Group',
        targets: ['electricity pylons'],
      },
    ],
  },
  {
    name: 'roles: the subject of "attacked" acts, though the clause opens with "fighting"',
    published: '2024-03-05',
    text:
      'Heavy fighting raged in San Salvador on Sunday night when members of the FMLN attacked an electric ' +
      'power substation.',
    events: [
      {
        eventType: 'Battles',
        subEventType: 'Armed clash',
        place: 'San Salvador',
        countryCode: 'SV',
        actor1: 'FMLN',
        targets: ['electric power substation'],
        actorSpans: ['members of the FMLN'],
      },
    ],
  },
  {
    name: 'roles: "a commando of" a named group is told with the group; the group is actor1',
    published: '1990-03-20',
    text: 'a commando of the manuel rodriguez patriotic front set fire to two buses in santiago on monday.',
    events: [
      {
        eventType: 'Strategic developments',
        subEventType: 'Looting/property destruction',
        actor1: 'Manuel Rodriguez',
        targets: ['buses'],
        actorSpans: ['a commando of the manuel rodriguez patriotic front'],
      },
    ],
  },
  {
    name: 'trigger: an assassination by gunmen; the victim is named after the title',
    published: '2024-03-05',
    text: 'Gunmen assassinated judge Maria Lopez in Medellin on Friday.',
    events: [
      {
        eventType: VAC,
        subEventType: 'Attack',
        place: 'Medell',
        countryCode: 'CO',
        date: { start: '2024-03-01', end: '2024-03-01', precision: 'day' },
        actor1: 'Unidentified Armed Group',
        victims: ['Maria Lopez'],
      },
    ],
  },
  {
    name: 'trigger: "murdered" with an armed party is violence against civilians, not ordinary crime',
    published: '2024-03-05',
    text: 'Guerrillas murdered two peasants in Arauca on Sunday, the army said.',
    events: [
      {
        eventType: VAC,
        subEventType: 'Attack',
        place: 'Arauca',
        countryCode: 'CO',
        date: { start: '2024-03-03', end: '2024-03-03', precision: 'day' },
        actor1: 'Unidentified Armed Group',
      },
    ],
  },
  {
    name: 'trigger: "murdered" by a named armed group is violence against civilians, not ordinary crime',
    published: '2024-03-05',
    text: 'The Shining Path murdered two local officials in Ayacucho on Sunday, the regional prefect said.',
    events: [
      {
        eventType: VAC,
        subEventType: 'Attack',
        place: 'Ayacucho',
        countryCode: 'PE',
        date: { start: '2024-03-03', end: '2024-03-03', precision: 'day' },
        actor1: 'Shining Path',
      },
    ],
  },
  {
    name: 'trigger: a police arrest over a murder stays ordinary crime',
    published: '2024-03-05',
    text: 'Police in Lima arrested a man on Sunday over the murder of his neighbour.',
    events: [],
  },
  {
    name: 'trigger: people "captured" by armed men are abducted, no territory is taken',
    published: '2024-03-05',
    text: 'Three students were captured at the bus station in Ayacucho on Tuesday by unidentified armed men.',
    events: [
      {
        eventType: VAC,
        subEventType: 'Abduction/forced disappearance',
        place: 'Ayacucho',
        countryCode: 'PE',
        date: { start: '2024-03-05', end: '2024-03-05', precision: 'day' },
        actor1: 'Unidentified Armed Group',
      },
    ],
  },
  {
    name: 'trigger: an armed group burning buses destroys property; the buses are the target',
    published: '2024-03-05',
    text: 'Guerrillas burned three buses on the highway near Arauca on Tuesday.',
    events: [
      {
        eventType: STRATEGIC,
        subEventType: 'Looting/property destruction',
        place: 'Arauca',
        countryCode: 'CO',
        actor1: 'Unidentified Armed Group',
        targets: ['buses'],
      },
    ],
  },
  {
    name: 'roles: "shot to death … by a group of 10 hired gunmen": the gunmen act',
    published: '2024-03-05',
    text: 'Two judges were shot to death in Medellin on Friday by a group of 10 hired gunmen.',
    events: [
      {
        eventType: VAC,
        subEventType: 'Attack',
        place: 'Medell',
        countryCode: 'CO',
        date: { start: '2024-03-01', end: '2024-03-01', precision: 'day' },
        actor1: 'Unidentified Armed Group',
      },
    ],
  },
  {
    name: 'victims: two people named without a title, kidnapped together',
    published: '2024-03-05',
    text: 'Carlos Mendez and Ana Torres were kidnapped in Cali on Monday, police said.',
    events: [
      {
        eventType: VAC,
        subEventType: 'Abduction/forced disappearance',
        place: 'Cali',
        countryCode: 'CO',
        date: { start: '2024-03-04', end: '2024-03-04', precision: 'day' },
        victims: ['Carlos Mendez', 'Ana Torres'],
      },
    ],
  },
  {
    name: 'wire copy in lower case: a named group beats a description of its members as actor1',
    published: '1990-03-05',
    text: 'terrorists of the eln dynamited the cano limon-covenas oil pipeline near arauca on sunday.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Remote explosive/landmine/IED',
        date: { start: '1990-03-04', end: '1990-03-04', precision: 'day' },
        actor1: 'ELN',
      },
    ],
  },
  {
    name: 'victims: people named as harmed in the next sentence are victims of the attack told before',
    published: '2024-03-05',
    text:
      'Gunmen killed two engineers near Medellin on Monday, the police said. The victims were identified ' +
      'as Carlos Mendez and Luis Gomez.',
    events: [
      {
        eventType: VAC,
        subEventType: 'Attack',
        countryCode: 'CO',
        date: { start: '2024-03-04', end: '2024-03-04', precision: 'day' },
        actor1: 'Unidentified Armed Group',
        victims: ['Carlos Mendez', 'Luis Gomez'],
      },
    ],
  },
  {
    name: 'roles: "kidnapped … by guerrillas of the ELN": the group the kidnappers belong to acts',
    published: '2024-03-06',
    text: 'Two American teachers were kidnapped in Medellin on Tuesday by guerrillas of the ELN, police said.',
    events: [
      {
        eventType: VAC,
        subEventType: 'Abduction/forced disappearance',
        place: 'Medell',
        countryCode: 'CO',
        date: { start: '2024-03-05', end: '2024-03-05', precision: 'day' },
        actor1: 'ELN',
        actors: ['Unidentified Armed Group'],
      },
    ],
  },
  {
    name: 'anchoring: two people named as killed make an event, with no place, time or party told',
    published: '2024-03-06',
    text:
      'Judicial sources said that Erika Sullivan and Christopher Anderson, a teacher at the American school, ' +
      'have been killed.',
    events: [
      {
        eventType: VAC,
        subEventType: 'Attack',
        victims: ['Erika Sullivan', 'Christopher Anderson'],
      },
    ],
    claims: [{ claimant: 'Judicial sources' }],
  },
  {
    name: 'trigger: a murder by the national guard is political violence, not ordinary crime; victim named',
    published: '2024-03-06',
    text: 'The national guard murdered university student Mario Flores near Acajutla on Friday, a rights group said.',
    events: [
      {
        eventType: VAC,
        subEventType: 'Attack',
        place: 'Acajutla',
        countryCode: 'SV',
        date: { start: '2024-03-01', end: '2024-03-01', precision: 'day' },
        actor1: 'Military Forces of El Salvador',
        victims: ['Mario Flores'],
      },
    ],
  },
  {
    name: 'aggregate: an offensive is a campaign of many battles, not one event; a clash within it is one',
    published: '2024-03-06',
    text:
      "The army's offensive against the rebels in North Darfur has entered its third week, a military " +
      'spokesman said in El Fasher on Tuesday. Soldiers and rebels clashed near Kutum on Monday, he added.',
    events: [
      {
        eventType: 'Battles',
        subEventType: 'Armed clash',
        place: 'Kutum',
        countryCode: 'SD',
        date: { start: '2024-03-04', end: '2024-03-04', precision: 'day' },
        actor1: 'Military Forces of Sudan',
      },
    ],
    tags: ['aggregate'],
    notes: ['aggregate: a campaign of many events'],
  },
  {
    name: 'trigger: the murder of a diplomat is political violence, not ordinary crime',
    published: '2024-03-06',
    text: 'A Peruvian diplomat, Luis Ortega Salas, was murdered in Guatemala City on Monday, the foreign ministry said.',
    events: [
      {
        eventType: VAC,
        subEventType: 'Attack',
        place: 'Guatemala City',
        countryCode: 'GT',
        date: { start: '2024-03-04', end: '2024-03-04', precision: 'day' },
        victims: ['Luis Ortega Salas'],
      },
    ],
  },
  {
    name: "trigger: robbers who murder a judge's driver for his car are ordinary crime",
    published: '2024-03-06',
    text: "Robbers murdered a judge's driver and stole his car in Lima on Monday.",
    events: [],
  },
  {
    name: 'roles: people seen placing the device, in a sentence of their own, did the bombing told before',
    published: '2024-03-06',
    text:
      'A bomb exploded outside a bank in Medellin on Tuesday, damaging its front. A guard said that two ' +
      'individuals who were walking past the bank placed the explosives and fled.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Remote explosive/landmine/IED',
        place: 'Medell',
        countryCode: 'CO',
        date: { start: '2024-03-05', end: '2024-03-05', precision: 'day' },
        actor1: 'Unidentified Armed Group',
        actorSpans: ['two individuals'],
      },
    ],
  },
  {
    name: 'roles: the people seen leaving the device beat the label "terrorists" as the doers named',
    published: '2024-03-06',
    text:
      'Terrorists bombed a liquor plant in Medellin on Tuesday night; watchmen saw a man leaving a ' +
      'small suitcase near the fence.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Remote explosive/landmine/IED',
        countryCode: 'CO',
        actor1: 'Unidentified Armed Group',
        actorSpans: ['a man'],
      },
    ],
  },
  {
    name: 'roles: the group whose flag was left at the scene of a bombing is named as its doer',
    published: '2024-03-06',
    text:
      'A bomb exploded outside the Salvadoran consulate in Santiago on Tuesday night, and a flag of the ' +
      'Manuel Rodriguez Patriotic Front was found at the scene, police said.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Remote explosive/landmine/IED',
        countryCode: 'CL',
        actor1: 'FPMR',
      },
    ],
  },
  {
    name: 'roles: the party told in a later sentence as having carried out the killing is its doer',
    published: '2024-03-06',
    text:
      'Six priests were killed in San Salvador on Tuesday, witnesses told reporters. The killing was ' +
      'carried out by uniformed men, the archbishop said.',
    events: [
      {
        eventType: VAC,
        subEventType: 'Attack',
        place: 'San Salvador',
        countryCode: 'SV',
        date: { start: '2024-03-05', end: '2024-03-05', precision: 'day' },
        actor1: 'Unidentified Armed Group',
        actorSpans: ['uniformed men'],
      },
    ],
  },
  {
    name: 'roles: a fuller description of the doers told later replaces a word that tells only their side',
    published: '2024-03-06',
    text:
      'Rebels killed six priests in San Salvador on Tuesday, police said. The killing was carried out by ' +
      'uniformed men, a witness said.',
    events: [
      {
        eventType: VAC,
        subEventType: 'Attack',
        place: 'San Salvador',
        countryCode: 'SV',
        actor1: 'Unidentified Armed Group',
        actorSpans: ['uniformed men'],
      },
    ],
  },
  {
    name: 'roles: the agent of a passive verb of harm told in a later sentence is the doer of the killing',
    published: '2024-03-06',
    text:
      'Judge Ana Ruiz was killed in Medellin on Monday, police said. Investigators said she had been shot ' +
      'by two paid assassins.',
    events: [
      {
        eventType: VAC,
        subEventType: 'Attack',
        place: 'Medell',
        countryCode: 'CO',
        date: { start: '2024-03-04', end: '2024-03-04', precision: 'day' },
        actor1: 'Unidentified Armed Group',
        actorSpans: ['two paid assassins'],
      },
    ],
  },
  {
    name: 'roles: the party that planted the device, told after the blast, is the doer of the bombing',
    published: '2024-03-06',
    text:
      'A bomb exploded near a power pylon in San Salvador on Monday, cutting power to the city. Police said ' +
      'the device had been planted by urban commandos.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Remote explosive/landmine/IED',
        place: 'San Salvador',
        countryCode: 'SV',
        actor1: 'Unidentified Armed Group',
        actorSpans: ['urban commandos'],
      },
    ],
  },
  {
    name: 'roles: the force whose station was bombed is on the receiving end, though its word comes first',
    published: '2024-03-06',
    text: 'A police station in Popayan was bombed on Monday night; ELN guerrillas were seen leaving the town.',
    events: [
      {
        eventType: EXPLOSIONS,
        subEventType: 'Remote explosive/landmine/IED',
        place: 'Popay',
        countryCode: 'CO',
        date: { start: '2024-03-04', end: '2024-03-04', precision: 'day' },
        actor1: 'ELN',
      },
    ],
  },
  {
    name: 'roles: the agent of a passive verb of harm stays the doer with a place told between verb and "by"',
    published: '2024-03-06',
    text:
      'Six priests were killed in San Salvador on Tuesday, the archbishop said. Witnesses said they had been ' +
      'shot in their residence by men wearing military uniforms.',
    events: [
      {
        eventType: VAC,
        subEventType: 'Attack',
        place: 'San Salvador',
        countryCode: 'SV',
        actor1: 'Unidentified Armed Group',
        actorSpans: ['men wearing military uniforms'],
      },
    ],
  },
  {
    name: 'victims: a name told again in part is the victim as the report first named them',
    published: '2024-03-06',
    text:
      'Rebels kidnapped a group of engineers near Cucuta on Monday, the army said. Among them was Andres ' +
      'Felipe Mora Quintero, the head of the project. Mora Quintero was kidnapped as he left the site.',
    events: [
      {
        eventType: VAC,
        subEventType: 'Abduction/forced disappearance',
        place: 'Cúcuta',
        countryCode: 'CO',
        date: { start: '2024-03-04', end: '2024-03-04', precision: 'day' },
        victims: ['Andres Felipe Mora Quintero'],
      },
    ],
  },
  {
    name: 'weapons and targets told where the report refers back to the attack belong to that attack',
    published: '2024-03-06',
    text:
      'Rebels attacked a police station in Cucuta on Monday, the army said. The attack, in which the rebels ' +
      'used rifles and hand grenades, also destroyed the municipal telephone building.',
    events: [
      {
        eventType: 'Battles',
        subEventType: 'Armed clash',
        place: 'Cúcuta',
        countryCode: 'CO',
        date: { start: '2024-03-04', end: '2024-03-04', precision: 'day' },
        weapons: [
          { kind: 'firearm', count: null },
          { kind: 'grenade', count: null },
        ],
        targets: ['police station', 'municipal telephone building'],
      },
    ],
  },
];
