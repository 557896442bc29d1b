import { describe, expect, it } from 'vitest';
import { findTriggers } from './triggers.js';

const words = (text: string) => findTriggers(text).map((t) => [t.text, t.rule.subEventType]);

describe('findTriggers', () => {
  it('leaves out what a person is accused of, but not what one party accuses another of', () => {
    const mob = words('A mob beat two men to death after accusing them of kidnapping children.');
    expect(mob).toContainEqual(['mob', 'Mob violence']);
    expect(mob.map(([, sub]) => sub)).not.toContain('Abduction/forced disappearance');
    expect(words('Police arrested a man suspected of planting roadside bombs.')).toEqual([
      ['arrested', 'Arrests'],
    ]);
    expect(words('Ukraine accused Russia of shelling a hospital in Kherson.')).toEqual([
      ['shelling', 'Shelling/artillery/missile attack'],
    ]);
  });

  it('reads an interception as a disrupted weapon only when a weapon is what was stopped', () => {
    expect(words('The missile was intercepted over the port.')).toEqual([
      ['intercepted', 'Disrupted weapons use'],
    ]);
    expect(words('Air defences intercepted two drones over the port.')).toEqual([
      ['intercepted two drones', 'Disrupted weapons use'],
    ]);
    const stopped = words('A police patrol intercepted four suspects near the market.');
    expect(stopped.map(([, sub]) => sub)).not.toContain('Disrupted weapons use');
    expect(words("Gunmen intercepted the judge's car and shot him.").map(([, sub]) => sub)).not.toContain(
      'Disrupted weapons use',
    );
  });

  it('reads a coup before the arrests it brings', () => {
    const [first] = [...findTriggers('Soldiers staged a coup and detained the president.')].sort(
      (a, b) => b.rule.priority - a.rule.priority,
    );
    expect(first?.rule.subEventType).toBe('Other');
  });
});
