// The ACLED 2016-layout CSV reader on small hand-made inputs.
import { describe, expect, it } from 'vitest';
import { mapOldEventType, parseAcled2016, parseAcledDate, parseCsv } from './acled2016.js';

describe('CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,b,c\r\n1,"x, ""y""\nz",\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, "y"\nz', ''],
    ]);
  });

  it('keeps a last line without a line break and drops a BOM', () => {
    expect(parseCsv('\uFEFFa,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('ACLED dates', () => {
  it('reads day first', () => {
    expect(parseAcledDate('04/01/2016')).toBe('2016-01-04');
    expect(parseAcledDate('4/1/2016')).toBe('2016-01-04');
    expect(parseAcledDate('31/12/2016')).toBe('2016-12-31');
  });
  it('reads the other layouts ACLED has used', () => {
    expect(parseAcledDate('2016-01-04')).toBe('2016-01-04');
    expect(parseAcledDate('04-January-2016')).toBe('2016-01-04');
    expect(parseAcledDate('4 Jan 2016')).toBe('2016-01-04');
  });
  it('rejects impossible dates', () => {
    expect(parseAcledDate('31/02/2016')).toBeNull();
    expect(parseAcledDate('13/13/2016')).toBeNull();
    expect(parseAcledDate('')).toBeNull();
  });
});

describe('old event types', () => {
  it('maps the Battle types to Battles sub-types', () => {
    expect(mapOldEventType('Battle-No change of territory')).toEqual({
      eventType: 'Battles',
      subEventType: 'Armed clash',
    });
    expect(mapOldEventType('Battle-Government regains territory')?.subEventType).toBe(
      'Government regains territory',
    );
    expect(mapOldEventType('Battle-Non-state actor overtakes territory')?.subEventType).toBe(
      'Non-state actor overtakes territory',
    );
  });
  it('maps Remote violence, Riots/Protests (by inter1) and the strategic types', () => {
    expect(mapOldEventType('Remote violence')).toEqual({
      eventType: 'Explosions/Remote violence',
      subEventType: null,
    });
    expect(mapOldEventType('Riots/Protests', 6)?.eventType).toBe('Protests');
    expect(mapOldEventType('Riots/Protests', 5)?.eventType).toBe('Riots');
    expect(mapOldEventType('Strategic development')).toEqual({
      eventType: 'Strategic developments',
      subEventType: null,
    });
    expect(mapOldEventType('Non-violent transfer of territory')?.subEventType).toBe(
      'Non-violent transfer of territory',
    );
    expect(mapOldEventType('Headquarters or base established')?.eventType).toBe('Strategic developments');
    expect(mapOldEventType('Violence against civilians')?.eventType).toBe('Violence against civilians');
    expect(mapOldEventType('Something else')).toBeNull();
  });
});

describe('ACLED 2016 rows', () => {
  const head =
    'GWNO,EVENT_ID_CNTY,EVENT_ID_NO_CNTY,EVENT_DATE,YEAR,TIME_PRECISION,EVENT_TYPE,ACTOR1,ALLY_ACTOR_1,INTER1,ACTOR2,ALLY_ACTOR_2,INTER2,INTERACTION,COUNTRY,ADMIN1,ADMIN2,ADMIN3,LOCATION,LATITUDE,LONGITUDE,GEO_PRECISION,SOURCE,NOTES,FATALITIES';
  it('reads a row by column names, notes with commas and quotes included', () => {
    const { rows, problems } = parseAcled2016(
      `${head}\n1,7ABC,,09/03/2016,2016,1,Riots/Protests,Rioters (X),,5,,,0,50,Xland,A,B,,Town,1.5,-2.25,1,Paper,"On 9 March, rioters burned a ""party"" office, police said.",0\n`,
    );
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({
      id: '7ABC',
      date: '2016-03-09',
      year: 2016,
      gold: { eventType: 'Riots', subEventType: null },
      lat: 1.5,
      lon: -2.25,
      location: 'Town',
      fatalities: 0,
      notes: 'On 9 March, rioters burned a "party" office, police said.',
    });
  });
  it('reports unreadable rows and goes on', () => {
    const { rows, problems } = parseAcled2016(
      `${head}\n1,A,,32/01/2016,2016,1,Remote violence,,,,,,,,,,,,T,1,1,1,S,Notes,0\n1,B,,01/01/2016,2016,1,Remote violence,,,,,,,,,,,,T,1,1,1,S,Notes,2\n`,
    );
    expect(problems).toEqual([{ record: 1, reason: 'bad date "32/01/2016"' }]);
    expect(rows.map((r) => r.id)).toEqual(['B']);
  });
  it('says which columns are missing', () => {
    expect(parseAcled2016('A,B\n1,2\n').problems[0]!.reason).toMatch(/missing columns EVENT_DATE/);
  });
});
