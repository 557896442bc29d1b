// The CASE-style TSV reader on small hand-made inputs.
import { describe, expect, it } from 'vitest';
import { CASE_CODES, acledTypeOfCode, eventTypeOf, parseCaseTsv, parseLabels } from './case.js';

describe('CASE-style TSV', () => {
  it('reads rows by the header names and maps codes to ACLED types', () => {
    const rows = parseCaseTsv(
      'id\tEventSnippet\tSubType\n7\tJets bombed a bridge.\tAIR_STRIKE\r\n8\tA quiet day at the port.\tNATURAL_DISASTER\n',
    );
    expect(rows).toEqual([
      {
        id: '7',
        text: 'Jets bombed a bridge.',
        label: 'AIR_STRIKE',
        gold: { eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike' },
      },
      { id: '8', text: 'A quiet day at the port.', label: 'NATURAL_DISASTER', gold: null },
    ]);
  });

  it('follows the header order, keeps tabs inside the snippet and unquotes quoted fields', () => {
    const rows = parseCaseTsv('SubType\tid\tEventSnippet\nARREST\t"x1"\t"He said ""stop""\tthen left."\n');
    expect(rows[0]).toMatchObject({ id: 'x1', label: 'ARREST', text: 'He said "stop"\tthen left.' });
    expect(rows[0]!.gold).toEqual({ eventType: 'Strategic developments', subEventType: 'Arrests' });
  });

  it('assumes id, snippet, label without a header', () => {
    const rows = parseCaseTsv('1\tRioters burned tyres.\tVIOL_DEMONSTR\n');
    expect(rows[0]!.gold).toEqual({ eventType: 'Riots', subEventType: 'Violent demonstration' });
  });

  it('maps all 25 codes to distinct ACLED sub-event types', () => {
    const subs = Object.values(CASE_CODES);
    expect(subs).toHaveLength(25);
    expect(new Set(subs).size).toBe(25);
    for (const s of subs) expect(eventTypeOf(s)).toBeTruthy();
    expect(acledTypeOfCode('FORCE_AGAINST_PROTEST')?.eventType).toBe('Protests');
    expect(acledTypeOfCode('ORG_CRIME')).toBeNull();
  });

  it('reads a labels file', () => {
    expect(parseLabels('\uFEFFAIR_STRIKE\r\n\n# comment\nOTHER\n')).toEqual(['AIR_STRIKE', 'OTHER']);
  });
});
