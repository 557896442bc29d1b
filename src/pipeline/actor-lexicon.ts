// Known actors with canonical names, aliases and ACLED inter codes (1 state forces, 2 rebel groups,
// 3 political militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other).
// Aliases are regular-expression sources matched case-sensitively unless marked (?i) by `ci`.
import type { InterCode } from '../domain/types.js';

export interface ActorDefinition {
  name: string;
  short: string | null;
  countryCode: string | null;
  inter: InterCode;
  /** Regex sources; word boundaries are added around them. */
  aliases: string[];
  /** A generic description ("the guard", "the militant group") that may co-refer to this actor. */
  anaphors?: string[];
  armed: boolean;
}

export const ACTORS: ActorDefinition[] = [
  {
    name: 'Islamic Revolutionary Guard Corps',
    short: 'IRGC',
    countryCode: 'IR',
    inter: 1,
    armed: true,
    aliases: [
      'Islamic Revolutionary Guards? Corps',
      "(?:Iran's\\s+)?Revolutionary Guards?(?: Corps)?",
      'IRGC',
      'Sepah',
    ],
    anaphors: ['the [Gg]uards?'],
  },
  {
    name: 'Islamic State',
    short: 'IS',
    countryCode: null,
    inter: 2,
    armed: true,
    aliases: [
      'Islamic State(?: group| of Iraq and (?:Syria|the Levant))?',
      'ISIS',
      'ISIL',
      'IS',
      'Daesh',
      'Daech',
      'IS group',
    ],
  },
  {
    name: 'Islamic State West Africa Province',
    short: 'ISWAP',
    countryCode: null,
    inter: 2,
    armed: true,
    aliases: [
      'Islamic State West Africa Province',
      'ISWAP',
      'Islamic State in West Africa',
      "Islamic State's West Africa (?:branch|province|affiliate)",
    ],
  },
  {
    name: 'Islamic State Sahel Province',
    short: 'IS Sahel',
    countryCode: null,
    inter: 2,
    armed: true,
    aliases: [
      'Islamic State Sahel Province',
      'Islamic State in the Greater Sahara',
      "Islamic State's Sahel (?:branch|province|affiliate)",
      'ISGS',
      'IS Sahel',
    ],
  },
  {
    name: 'Boko Haram',
    short: null,
    countryCode: 'NG',
    inter: 2,
    armed: true,
    aliases: ['Boko Haram', 'JAS'],
  },
  {
    name: "Jama'at Nusrat al-Islam wal-Muslimin",
    short: 'JNIM',
    countryCode: null,
    inter: 2,
    armed: true,
    aliases: ['JNIM', "Jama'?at Nusrat al-Islam wal-Muslimin", 'Group for the Support of Islam and Muslims'],
  },
  {
    name: 'Al-Shabaab',
    short: null,
    countryCode: 'SO',
    inter: 2,
    armed: true,
    aliases: ['[Aa]l-Shabaa?b', 'Shabaa?b'],
  },
  {
    name: 'Al-Qaeda',
    short: 'AQ',
    countryCode: null,
    inter: 2,
    armed: true,
    aliases: ['[Aa]l[- ]Qaeda', '[Aa]l[- ]Qaida', 'AQAP', 'AQIM'],
  },
  {
    name: 'Hayat Tahrir al-Sham',
    short: 'HTS',
    countryCode: 'SY',
    inter: 2,
    armed: true,
    aliases: ['Hayat Tahrir al-Sham', 'HTS'],
  },
  { name: 'Taliban', short: null, countryCode: 'AF', inter: 2, armed: true, aliases: ['Taliban'] },
  {
    name: 'Hamas',
    short: null,
    countryCode: 'PS',
    inter: 2,
    armed: true,
    aliases: ['Hamas', 'Qassam Brigades', 'Ezzedine al-Qassam Brigades'],
  },
  {
    name: 'Hezbollah',
    short: null,
    countryCode: 'LB',
    inter: 2,
    armed: true,
    aliases: ['Hezbollah', 'Hizbollah', 'Hizballah'],
  },
  {
    name: 'Houthis (Ansar Allah)',
    short: 'Houthis',
    countryCode: 'YE',
    inter: 2,
    armed: true,
    aliases: ['Houthis?', 'Huthis?', 'Ansar Allah', 'Ansarallah'],
  },
  {
    name: 'Syrian Democratic Forces',
    short: 'SDF',
    countryCode: 'SY',
    inter: 2,
    armed: true,
    aliases: ['Syrian Democratic Forces', 'SDF'],
  },
  {
    name: 'Rapid Support Forces',
    short: 'RSF',
    countryCode: 'SD',
    inter: 2,
    armed: true,
    aliases: ['Rapid Support Forces', 'RSF'],
  },
  {
    name: 'Military Forces of Sudan',
    short: 'SAF',
    countryCode: 'SD',
    inter: 1,
    armed: true,
    aliases: ['Sudanese Armed Forces', 'SAF', 'Sudanese army'],
  },
  {
    name: 'M23: March 23 Movement',
    short: 'M23',
    countryCode: 'CD',
    inter: 2,
    armed: true,
    aliases: ['M23', 'March 23 Movement'],
  },
  { name: 'Arakan Army', short: 'AA', countryCode: 'MM', inter: 2, armed: true, aliases: ['Arakan Army'] },
  // Latin American insurgencies (FMLN in El Salvador until 1992, Shining Path in Peru, ELN and FARC in
  // Colombia, M-19 until 1990): still named in archives, court records and today's remnants.
  {
    name: 'FMLN: Farabundo Marti National Liberation Front',
    short: 'FMLN',
    countryCode: 'SV',
    inter: 2,
    armed: true,
    aliases: ['FMLN', 'Farabundo Mart[ií] National Liberation Front'],
  },
  {
    name: 'Shining Path',
    short: 'SL',
    countryCode: 'PE',
    inter: 2,
    armed: true,
    aliases: ['Shining Path', 'Sendero Luminoso'],
  },
  {
    name: 'ELN: National Liberation Army',
    short: 'ELN',
    countryCode: 'CO',
    inter: 2,
    armed: true,
    // "National Liberation Army" alone names groups in several countries: only with ELN or Colombia
    aliases: [
      'ELN',
      'National Liberation Army(?= \\(ELN\\))',
      'National Liberation Army of Colombia',
      // the Spanish word order, as translations often keep it ("Ejército de Liberación Nacional")
      'Army of National Liberation',
    ],
  },
  // Latin American armed groups of the late Cold War and the drug wars
  {
    name: 'MRTA: Tupac Amaru Revolutionary Movement',
    short: 'MRTA',
    countryCode: 'PE',
    inter: 2,
    armed: true,
    aliases: ['MRTA', 'T[uú]pac Amaru Revolutionary Movement'],
  },
  {
    name: 'FPMR: Manuel Rodriguez Patriotic Front',
    short: 'FPMR',
    countryCode: 'CL',
    inter: 2,
    armed: true,
    aliases: ['FPMR', 'Manuel Rodr[ií]guez Patriotic Front'],
  },
  {
    name: 'URNG: Guatemalan National Revolutionary Unity',
    short: 'URNG',
    countryCode: 'GT',
    inter: 2,
    armed: true,
    aliases: ['URNG', 'Guatemalan National Revolutionary Unity'],
  },
  {
    name: "ERP: People's Revolutionary Army",
    short: 'ERP',
    countryCode: 'SV',
    inter: 2,
    armed: true,
    aliases: ['ERP', "People['’]s Revolutionary Army"],
  },
  {
    name: 'EPL: Popular Liberation Army',
    short: 'EPL',
    countryCode: 'CO',
    inter: 2,
    armed: true,
    aliases: ['EPL', 'Popular Liberation Army'],
  },
  {
    name: 'Zarate Willka Armed Forces of Liberation',
    short: null,
    countryCode: 'BO',
    inter: 2,
    armed: true,
    aliases: ['Z[aá]rate Will?ka Armed Forces of Liberation'],
  },
  {
    name: 'Lautaro Youth Movement',
    short: null,
    countryCode: 'CL',
    inter: 2,
    armed: true,
    aliases: ['Lautaro Youth (?:Movement|Front)'],
  },
  {
    name: 'The Extraditables',
    short: null,
    countryCode: 'CO',
    inter: 3,
    armed: true,
    aliases: ['Extraditables'],
  },
  {
    name: 'Medellin Cartel',
    short: null,
    countryCode: 'CO',
    inter: 3,
    armed: true,
    aliases: ['Medell[ií]n [Cc]artel'],
  },
  {
    name: 'Cali Cartel',
    short: null,
    countryCode: 'CO',
    inter: 3,
    armed: true,
    aliases: ['Cali [Cc]artel'],
  },
  {
    name: 'FARC: Revolutionary Armed Forces of Colombia',
    short: 'FARC',
    countryCode: 'CO',
    inter: 2,
    armed: true,
    aliases: ['FARC(?:-EP)?', 'Revolutionary Armed Forces of Colombia'],
  },
  {
    name: 'M-19: April 19 Movement',
    short: 'M-19',
    countryCode: 'CO',
    inter: 2,
    armed: true,
    aliases: ['M-19', 'April 19 Movement'],
  },
  {
    name: 'Military Forces of Myanmar',
    short: null,
    countryCode: 'MM',
    inter: 1,
    armed: true,
    aliases: ['Myanmar military', 'Myanmar army', 'Tatmadaw', '(?:Myanmar |military )?junta'],
  },
  {
    name: 'Wagner Group',
    short: 'Wagner',
    countryCode: 'RU',
    inter: 8,
    armed: true,
    aliases: ['Wagner(?: Group)?', 'Africa Corps'],
  },
  {
    name: 'PKK: Kurdistan Workers Party',
    short: 'PKK',
    countryCode: 'TR',
    inter: 2,
    armed: true,
    aliases: ['PKK', "Kurdistan Workers'? Party"],
  },
  {
    name: 'Allied Democratic Forces',
    short: 'ADF',
    countryCode: 'CD',
    inter: 2,
    armed: true,
    aliases: ['Allied Democratic Forces', 'ADF'],
  },
  {
    name: 'Ambazonian separatists',
    short: null,
    countryCode: 'CM',
    inter: 2,
    armed: true,
    aliases: ['Ambazonian (?:separatists|fighters)'],
  },
  {
    name: 'US-led coalition',
    short: 'Coalition',
    countryCode: null,
    inter: 8,
    armed: true,
    aliases: ['U\\.?S\\.?-led coalition', 'international coalition', 'anti-IS coalition'],
  },
  {
    name: 'Popular Mobilization Forces',
    short: 'PMF',
    countryCode: 'IQ',
    inter: 3,
    armed: true,
    aliases: [
      'Popular Mobili[sz]ation (?:Forces|Units)',
      'PMF',
      'PMU',
      'Hashed al-Shaabi',
      'Hashd al-Shaabi',
    ],
  },
  {
    name: 'Saudi-led coalition',
    short: null,
    countryCode: 'SA',
    inter: 8,
    armed: true,
    aliases: ['Saudi-led coalition', 'Saudi (?:warplanes|jets|forces|military)'],
  },
  {
    name: 'Military Forces of Somalia: Jubaland',
    short: null,
    countryCode: 'SO',
    inter: 3,
    armed: true,
    aliases: ['Jubaland (?:forces|troops)'],
  },
  {
    name: 'African Union Transition Mission in Somalia',
    short: 'ATMIS',
    countryCode: 'SO',
    inter: 8,
    armed: true,
    aliases: ['ATMIS', 'AMISOM', 'African Union (?:troops|forces|peacekeepers)'],
  },
  {
    // ACLED names each mission; one actor for all of them keeps "UN peacekeepers" from going unnamed
    name: 'United Nations peacekeepers',
    short: 'UN',
    countryCode: null,
    inter: 8,
    armed: true,
    aliases: [
      'U\\.?N\\.? peacekeep(?:ers|ing (?:forces|troops|mission))',
      'United Nations peacekeep(?:ers|ing (?:forces|troops|mission))',
      'MINUSMA',
      'MONUSCO',
      'UNIFIL',
      'UNMISS',
      'MINUSCA',
    ],
  },
];

ACTORS.push({
  name: 'Syrian National Army',
  short: 'SNA',
  countryCode: 'SY',
  inter: 2,
  armed: true,
  aliases: ['Syrian National Army', 'Turkish-backed (?:factions|fighters|rebels|groups)'],
});

/** State forces with names of their own (acronyms, formal names) besides "<Demonym> forces". */
ACTORS.push(
  ...(
    [
      ['Israel', 'IL', 'IDF', ['Israel Defen[cs]e Forces', 'IDF']],
      ['the United States', 'US', null, ['Pentagon', 'CENTCOM', 'U\\.S\\. Central Command']],
      ['Syria', 'SY', null, ['regime forces', 'Assad regime', 'Syrian regime']],
      ['Iran', 'IR', null, ["Iran's (?:armed forces|army|military)"]],
      ['Mali', 'ML', 'FAMa', ['FAMa']],
      ['Somalia', 'SO', 'SNA', ['Somali National Army']],
      [
        'the Democratic Republic of Congo',
        'CD',
        'FARDC',
        ['FARDC', "(?:the )?Democratic Republic of (?:the )?Congo's (?:army|military|armed forces)"],
      ],
      ['Nigeria', 'NG', null, ['Nigerian Air Force', 'NAF']],
    ] as [string, string, string | null, string[]][]
  ).map(([country, cc, short, aliases]) => ({
    name: `Military Forces of ${country}`,
    short,
    countryCode: cc,
    inter: 1 as const,
    armed: true,
    aliases,
  })),
);

/** State forces named by a demonym: "Russian missiles", "Iraqi counter-terrorism forces", "a Turkish drone". */
export const STATE_FORCES: Record<string, { country: string; cc: string; short?: string }> = {
  Russian: { country: 'Russia', cc: 'RU' },
  Ukrainian: { country: 'Ukraine', cc: 'UA' },
  Israeli: { country: 'Israel', cc: 'IL', short: 'IDF' },
  Turkish: { country: 'Turkey', cc: 'TR' },
  Syrian: { country: 'Syria', cc: 'SY' },
  Iraqi: { country: 'Iraq', cc: 'IQ' },
  Iranian: { country: 'Iran', cc: 'IR' },
  American: { country: 'the United States', cc: 'US' },
  US: { country: 'the United States', cc: 'US' },
  'U.S.': { country: 'the United States', cc: 'US' },
  British: { country: 'the United Kingdom', cc: 'GB' },
  French: { country: 'France', cc: 'FR' },
  Saudi: { country: 'Saudi Arabia', cc: 'SA' },
  Emirati: { country: 'the United Arab Emirates', cc: 'AE' },
  Egyptian: { country: 'Egypt', cc: 'EG' },
  Jordanian: { country: 'Jordan', cc: 'JO' },
  Lebanese: { country: 'Lebanon', cc: 'LB' },
  Yemeni: { country: 'Yemen', cc: 'YE' },
  Nigerian: { country: 'Nigeria', cc: 'NG' },
  Malian: { country: 'Mali', cc: 'ML', short: 'FAMa' },
  Burkinabe: { country: 'Burkina Faso', cc: 'BF' },
  Nigerien: { country: 'Niger', cc: 'NE' },
  Chadian: { country: 'Chad', cc: 'TD' },
  Cameroonian: { country: 'Cameroon', cc: 'CM' },
  Somali: { country: 'Somalia', cc: 'SO', short: 'SNA' },
  Kenyan: { country: 'Kenya', cc: 'KE' },
  Ethiopian: { country: 'Ethiopia', cc: 'ET' },
  Sudanese: { country: 'Sudan', cc: 'SD', short: 'SAF' },
  Libyan: { country: 'Libya', cc: 'LY' },
  Algerian: { country: 'Algeria', cc: 'DZ' },
  Congolese: { country: 'the Democratic Republic of Congo', cc: 'CD', short: 'FARDC' },
  Rwandan: { country: 'Rwanda', cc: 'RW' },
  Ugandan: { country: 'Uganda', cc: 'UG' },
  Mozambican: { country: 'Mozambique', cc: 'MZ' },
  Afghan: { country: 'Afghanistan', cc: 'AF' },
  Pakistani: { country: 'Pakistan', cc: 'PK' },
  Indian: { country: 'India', cc: 'IN' },
  Chinese: { country: 'China', cc: 'CN' },
  Azerbaijani: { country: 'Azerbaijan', cc: 'AZ' },
  Armenian: { country: 'Armenia', cc: 'AM' },
  Colombian: { country: 'Colombia', cc: 'CO' },
  Mexican: { country: 'Mexico', cc: 'MX' },
  Philippine: { country: 'the Philippines', cc: 'PH' },
};

const FORCE_NOUNS =
  '(?:armed forces|security forces|forces|military|troops|army|soldiers|navy|air force|warplanes|jets|aircraft|helicopters?|missiles?|rockets?|drones?|artillery|shelling|strikes?|air ?strikes?|tanks|units|special forces|gunboats?)';

/** "Russian missiles", "Iraqi counter-terrorism forces", "Syrian government forces" */
export const STATE_FORCE_RX = new RegExp(
  `\\b(${Object.keys(STATE_FORCES)
    .map((k) => k.replace(/\./g, '\\.'))
    .join(
      '|',
    )})(?:[\\s-]+(?:government|regime|state|counter-terrorism|counter-terror|special|elite|ground|border|federal|national|military))?\\s+${FORCE_NOUNS}\\b`,
  'g',
);

/** Generic descriptions of non-state armed groups that co-refer to the last such group named. */
export const ARMED_GROUP_ANAPHORS =
  /\b(?:the|this|that)\s+(?:militant|jihadist|extremist|armed|insurgent|terrorist|rebel|Islamist)\s+(?:group|organi[sz]ation|movement)\b|\bthe\s+(?:group|militants|jihadists|insurgents|extremists)\b/g;

/** A cardinal count before a description ("three heavily armed men", "two paid assassins"): where the
 * description names the people only by how they looked or were hired, the count is part of what tells
 * them apart, so the mention keeps it (not "several": a vague count adds nothing). */
const COUNT = '(?:(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d+)\\s+)?';

/** Generic actors, named after the country of the event (ACLED style). */
export const GENERIC_ACTORS: {
  pattern: RegExp;
  name: (country: string) => string;
  inter: InterCode;
  armed: boolean;
}[] = [
  {
    pattern: new RegExp(
      `\\b(?:gunmen|${COUNT}(?:unidentified|unknown) (?:armed )?(?:men|attackers?|assailants?|gunm[ae]n|individuals|persons)|${COUNT}(?:heavily )?armed (?:men|individuals)|${COUNT}uniformed (?:men|individuals)|(?:masked |hooded )?men (?:wearing|in|dressed in) (?:military |army |police |camouflage )?(?:uniforms?|fatigues)|masked men|hooded men|assailants|attackers|militants|insurgents|jihadists|fighters|rebels|urban guerrilla commandos|urban guerrillas|urban commandos|guerrillas|guerrilla (?:fighters|column|commandos?)|terrorists?(?! (?:group|organi[sz]ation|movement|list)s?\\b)|subversives|extremists|death squads|${COUNT}(?:paid |hired )assassins|assassins|hit ?men|drug traffickers|cocaine traffickers|drug (?:trafficking )?(?:bands|gangs|mafias)|narco-?trafficking (?:bands|gangs|mafias)|drug kingpins|drug terrorists|narco-?traffickers|narco-?terrorists)\\b`,
      'gi',
    ),
    name: (c) => `Unidentified Armed Group (${c})`,
    inter: 2,
    armed: true,
  },
  {
    pattern:
      /\b(?:(?:national |treasury |secret |military |federal )?police(?:men| officers| forces)?|security forces)\b/gi,
    name: (c) => `Police Forces of ${c}`,
    inter: 1,
    armed: true,
  },
  {
    pattern:
      /\b(?:soldiers|troops|the army|the military|army|government forces|armed forces|national guard|air force)\b/gi,
    name: (c) => `Military Forces of ${c}`,
    inter: 1,
    armed: true,
  },
  {
    pattern: /\b(?:protesters|demonstrators|protestors|marchers)\b/gi,
    name: (c) => `Protesters (${c})`,
    inter: 6,
    armed: false,
  },
  { pattern: /\b(?:rioters|mob)\b/gi, name: (c) => `Rioters (${c})`, inter: 5, armed: false },
  {
    pattern:
      /\b(?:civilians|villagers|peasants|residents|worshippers|farmers|passengers|children|women|men|students|shoppers|displaced people|herders|shepherds|fishermen|miners|traders|pilgrims|motorists|travellers|travelers|aid workers|journalists|teachers|patients|mourners|people)\b/gi,
    name: (c) => `Civilians (${c})`,
    inter: 7,
    armed: false,
  },
];
