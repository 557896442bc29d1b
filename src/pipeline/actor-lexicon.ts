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
    name: 'Islamic Revolutionary Guard Corps', short: 'IRGC', countryCode: 'IR', inter: 1, armed: true,
    aliases: ['Islamic Revolutionary Guards? Corps', "(?:Iran's\\s+)?Revolutionary Guards?(?: Corps)?", 'IRGC', 'Sepah'],
    anaphors: ['the [Gg]uards?'],
  },
  {
    name: 'Islamic State', short: 'IS', countryCode: null, inter: 2, armed: true,
    aliases: ['Islamic State(?: group| of Iraq and (?:Syria|the Levant))?', 'ISIS', 'ISIL', 'IS', 'Daesh', 'Daech', 'IS group'],
  },
  {
    name: 'Islamic State West Africa Province', short: 'ISWAP', countryCode: null, inter: 2, armed: true,
    aliases: ['Islamic State West Africa Province', 'ISWAP', 'Islamic State in West Africa'],
  },
  {
    name: 'Islamic State Sahel Province', short: 'IS Sahel', countryCode: null, inter: 2, armed: true,
    aliases: ['Islamic State Sahel Province', 'Islamic State in the Greater Sahara', 'ISGS', 'IS Sahel'],
  },
  { name: 'Boko Haram', short: null, countryCode: 'NG', inter: 2, armed: true, aliases: ['Boko Haram', 'JAS'] },
  {
    name: "Jama'at Nusrat al-Islam wal-Muslimin", short: 'JNIM', countryCode: null, inter: 2, armed: true,
    aliases: ['JNIM', "Jama'?at Nusrat al-Islam wal-Muslimin", 'Group for the Support of Islam and Muslims'],
  },
  { name: 'Al-Shabaab', short: null, countryCode: 'SO', inter: 2, armed: true, aliases: ['[Aa]l-Shabaa?b', 'Shabaa?b'] },
  { name: 'Al-Qaeda', short: 'AQ', countryCode: null, inter: 2, armed: true, aliases: ['[Aa]l[- ]Qaeda', '[Aa]l[- ]Qaida', 'AQAP', 'AQIM'] },
  { name: 'Hayat Tahrir al-Sham', short: 'HTS', countryCode: 'SY', inter: 2, armed: true, aliases: ['Hayat Tahrir al-Sham', 'HTS'] },
  { name: 'Taliban', short: null, countryCode: 'AF', inter: 2, armed: true, aliases: ['Taliban'] },
  { name: 'Hamas', short: null, countryCode: 'PS', inter: 2, armed: true, aliases: ['Hamas', 'Qassam Brigades', 'Ezzedine al-Qassam Brigades'] },
  { name: 'Hezbollah', short: null, countryCode: 'LB', inter: 2, armed: true, aliases: ['Hezbollah', 'Hizbollah', 'Hizballah'] },
  {
    name: 'Houthis (Ansar Allah)', short: 'Houthis', countryCode: 'YE', inter: 2, armed: true,
    aliases: ['Houthis?', 'Huthis?', 'Ansar Allah', 'Ansarallah'],
  },
  { name: 'Syrian Democratic Forces', short: 'SDF', countryCode: 'SY', inter: 2, armed: true, aliases: ['Syrian Democratic Forces', 'SDF'] },
  { name: 'Rapid Support Forces', short: 'RSF', countryCode: 'SD', inter: 2, armed: true, aliases: ['Rapid Support Forces', 'RSF'] },
  { name: 'Military Forces of Sudan', short: 'SAF', countryCode: 'SD', inter: 1, armed: true, aliases: ['Sudanese Armed Forces', 'SAF', 'Sudanese army'] },
  { name: 'M23: March 23 Movement', short: 'M23', countryCode: 'CD', inter: 2, armed: true, aliases: ['M23', 'March 23 Movement'] },
  { name: 'Arakan Army', short: 'AA', countryCode: 'MM', inter: 2, armed: true, aliases: ['Arakan Army'] },
  { name: 'Military Forces of Myanmar', short: null, countryCode: 'MM', inter: 1, armed: true, aliases: ['Myanmar military', 'Myanmar army', 'Tatmadaw', '(?:Myanmar |military )?junta'] },
  { name: 'Wagner Group', short: 'Wagner', countryCode: 'RU', inter: 8, armed: true, aliases: ['Wagner(?: Group)?', 'Africa Corps'] },
  { name: 'PKK: Kurdistan Workers Party', short: 'PKK', countryCode: 'TR', inter: 2, armed: true, aliases: ['PKK', "Kurdistan Workers'? Party"] },
  { name: 'Allied Democratic Forces', short: 'ADF', countryCode: 'CD', inter: 2, armed: true, aliases: ['Allied Democratic Forces', 'ADF'] },
  { name: 'Ambazonian separatists', short: null, countryCode: 'CM', inter: 2, armed: true, aliases: ['Ambazonian (?:separatists|fighters)'] },
  { name: 'US-led coalition', short: 'Coalition', countryCode: null, inter: 8, armed: true, aliases: ['U\\.?S\\.?-led coalition', 'international coalition', 'anti-IS coalition'] },
  { name: 'Military Forces of the United States', short: 'US forces', countryCode: 'US', inter: 8, armed: true, aliases: ['U\\.?S\\.? (?:forces|military|troops|army|Army|aircraft|warplanes|jets)', 'Pentagon', 'CENTCOM'] },
  { name: 'Military Forces of Russia', short: 'Russian forces', countryCode: 'RU', inter: 1, armed: true, aliases: ['Russian (?:forces|military|troops|army|warplanes|jets|aircraft)' ] },
  { name: 'Military Forces of Ukraine', short: 'Ukrainian forces', countryCode: 'UA', inter: 1, armed: true, aliases: ['Ukrainian (?:forces|military|troops|army|drones)' ] },
  { name: 'Military Forces of Israel', short: 'IDF', countryCode: 'IL', inter: 1, armed: true, aliases: ['Israel Defense Forces', 'IDF', 'Israeli (?:forces|military|army|troops|warplanes|jets|aircraft)' ] },
  { name: 'Military Forces of Turkey', short: 'Turkish forces', countryCode: 'TR', inter: 1, armed: true, aliases: ['Turkish (?:forces|military|army|troops|warplanes|jets|drones)' ] },
  { name: 'Military Forces of Iran', short: 'Iranian forces', countryCode: 'IR', inter: 1, armed: true, aliases: ["Iran's (?:armed forces|army|military)", 'Iranian (?:armed forces|army|military|forces)'] },
  { name: 'Military Forces of Syria', short: 'Syrian army', countryCode: 'SY', inter: 1, armed: true, aliases: ['Syrian (?:army|military|government forces|regime forces|troops|forces|warplanes|jets)', 'regime forces', 'Assad regime'] },
  { name: 'Military Forces of Iraq', short: 'Iraqi forces', countryCode: 'IQ', inter: 1, armed: true, aliases: ['Iraqi (?:army|military|security forces|forces|troops|counter-terrorism service)'] },
  { name: 'Popular Mobilization Forces', short: 'PMF', countryCode: 'IQ', inter: 3, armed: true, aliases: ['Popular Mobili[sz]ation (?:Forces|Units)', 'PMF', 'PMU', 'Hashed al-Shaabi', 'Hashd al-Shaabi'] },
  { name: 'Military Forces of Nigeria', short: 'Nigerian army', countryCode: 'NG', inter: 1, armed: true, aliases: ['Nigerian (?:army|military|troops|soldiers|forces|air force)'] },
  { name: 'Military Forces of Mali', short: 'FAMa', countryCode: 'ML', inter: 1, armed: true, aliases: ['FAMa', 'Malian (?:army|military|troops|soldiers|forces|armed forces)'] },
  { name: 'Military Forces of Burkina Faso', short: null, countryCode: 'BF', inter: 1, armed: true, aliases: ['Burkinab[eé] (?:army|military|troops|soldiers|forces)', 'VDP', 'Volunteers for the Defen[cs]e of the Homeland'] },
  { name: 'Military Forces of Somalia', short: 'SNA', countryCode: 'SO', inter: 1, armed: true, aliases: ['Somali National Army', 'SNA', 'Somali (?:army|military|troops|soldiers|forces|government forces)'] },
  { name: 'Military Forces of Yemen', short: null, countryCode: 'YE', inter: 1, armed: true, aliases: ['Yemeni (?:army|military|government forces|troops|forces)' ] },
  { name: 'Saudi-led coalition', short: null, countryCode: 'SA', inter: 8, armed: true, aliases: ['Saudi-led coalition', 'Saudi (?:warplanes|jets|forces|military)'] },
  { name: 'Military Forces of the Democratic Republic of Congo', short: 'FARDC', countryCode: 'CD', inter: 1, armed: true, aliases: ['FARDC', 'Congolese (?:army|military|troops|soldiers|forces)'] },
  { name: 'Military Forces of Afghanistan', short: null, countryCode: 'AF', inter: 1, armed: true, aliases: ['Afghan (?:army|military|security forces|forces|troops)'] },
  { name: 'Military Forces of Pakistan', short: null, countryCode: 'PK', inter: 1, armed: true, aliases: ['Pakistani (?:army|military|security forces|forces|troops)'] },
  { name: 'Military Forces of Somalia: Jubaland', short: null, countryCode: 'SO', inter: 3, armed: true, aliases: ['Jubaland (?:forces|troops)'] },
  { name: 'African Union Transition Mission in Somalia', short: 'ATMIS', countryCode: 'SO', inter: 8, armed: true, aliases: ['ATMIS', 'AMISOM', 'African Union (?:troops|forces|peacekeepers)'] },
];

/** Generic descriptions of non-state armed groups that co-refer to the last such group named. */
export const ARMED_GROUP_ANAPHORS =
  /\b(?:the|this|that)\s+(?:militant|jihadist|extremist|armed|insurgent|terrorist|rebel|Islamist)\s+(?:group|organi[sz]ation|movement)\b|\bthe\s+(?:group|militants|jihadists|insurgents|extremists)\b/g;

/** Generic actors, named after the country of the event (ACLED style). */
export const GENERIC_ACTORS: { pattern: RegExp; name: (country: string) => string; inter: InterCode; armed: boolean }[] = [
  { pattern: /\b(?:gunmen|unidentified (?:armed )?(?:men|attackers|assailants|gunmen)|armed men|assailants|attackers|militants|insurgents|jihadists|fighters)\b/gi, name: (c) => `Unidentified Armed Group (${c})`, inter: 2, armed: true },
  { pattern: /\b(?:police(?:men| officers| forces)?|security forces)\b/gi, name: (c) => `Police Forces of ${c}`, inter: 1, armed: true },
  { pattern: /\b(?:soldiers|troops|the army|the military|army|government forces|armed forces)\b/gi, name: (c) => `Military Forces of ${c}`, inter: 1, armed: true },
  { pattern: /\b(?:protesters|demonstrators|protestors|marchers)\b/gi, name: (c) => `Protesters (${c})`, inter: 6, armed: false },
  { pattern: /\b(?:rioters|mob)\b/gi, name: (c) => `Rioters (${c})`, inter: 5, armed: false },
  { pattern: /\b(?:civilians|villagers|residents|worshippers|farmers|passengers|children|women|students|shoppers|displaced people|herders)\b/gi, name: (c) => `Civilians (${c})`, inter: 7, armed: false },
];
