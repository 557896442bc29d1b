import { describe, expect, it } from 'vitest';
import {
  matchDoc,
  matchRole,
  normalise,
  poolEntities,
  prf,
  scoreDocs,
  type GoldRoles,
  type PredRoles,
} from './metric.js';

const gold = (): GoldRoles => ({ PerpInd: [], PerpOrg: [], Target: [], Victim: [], Weapon: [] });
const pred = (): PredRoles => ({ PerpInd: [], PerpOrg: [], Target: [], Victim: [], Weapon: [] });

describe('normalise', () => {
  it('drops case, articles and punctuation', () => {
    expect(normalise('The "Santo Tomas" Presidential Farm.')).toBe('santo tomas presidential farm');
    expect(normalise('an FMLN  urban-commando')).toBe('fmln urban commando');
  });
  it('keeps articles inside other words', () => {
    expect(normalise('theatre')).toBe('theatre');
  });
});

describe('poolEntities', () => {
  it('merges entities of several templates that share a mention', () => {
    const pooled = poolEntities([['guerrillas', 'guerrilla column'], ['guerrillas'], ['fmln']]);
    expect(pooled).toHaveLength(2);
    expect(pooled.find((e) => e.includes('guerrillas'))).toEqual(['guerrillas', 'guerrilla column']);
  });
});

describe('matchRole', () => {
  it('a filler matches any mention of a gold entity', () => {
    const m = matchRole([['farabundo marti national liberation front', 'FMLN']], ['the fmln']);
    expect(m.gold[0]!.hit).toBe('fmln');
    expect(m.predicted[0]!.reason).toBe('matched');
  });
  it('counts a gold entity at most once: a second filler for it is a false positive', () => {
    const m = matchRole([['guerrillas', 'guerrilla column']], ['guerrillas', 'guerrilla column']);
    expect(m.predicted.map((p) => p.reason).sort()).toEqual(['duplicate', 'matched']);
  });
  it('the same filler twice is one prediction', () => {
    expect(matchRole([['bomb']], ['bomb', 'Bomb.']).predicted).toHaveLength(1);
  });
  it('pools gold entities that share a mention before matching', () => {
    // "bomb" is a mention of both template entities: they are one entity, so two fillers score once.
    const m = matchRole([['bomb'], ['dynamite', 'bomb ']], ['bomb', 'dynamite']);
    expect(m.gold).toHaveLength(1);
    expect(m.predicted.map((p) => p.reason).sort()).toEqual(['duplicate', 'matched']);
  });
  it('a partial string is not a match', () => {
    const m = matchRole([['500 kg of dynamite']], ['dynamite']);
    expect(m.predicted[0]!.reason).toBe('no-match');
    expect(m.gold[0]!.hit).toBeNull();
  });
});

describe('scoreDocs', () => {
  it('gives per-role and micro P/R/F1 over documents', () => {
    const g1 = gold();
    g1.PerpOrg = [['fmln']];
    g1.Victim = [['peasant'], ['jose perez']];
    const p1 = pred();
    p1.PerpOrg = ['fmln', 'army'];
    p1.Victim = ['peasant'];
    const g2 = gold();
    g2.Weapon = [['bomb']];
    const p2 = pred();
    const s = scoreDocs([matchDoc(g1, p1), matchDoc(g2, p2)]);
    expect(s.PerpOrg).toMatchObject({ gold: 1, predicted: 2, matched: 1, p: 0.5, r: 1 });
    expect(s.Victim).toMatchObject({ gold: 2, predicted: 1, matched: 1, p: 1, r: 0.5 });
    expect(s.Weapon).toMatchObject({ gold: 1, predicted: 0, matched: 0, p: 0, r: 0, f1: 0 });
    expect(s.micro).toMatchObject({ gold: 4, predicted: 3, matched: 2 });
    expect(s.micro.f1).toBeCloseTo((2 * (2 / 3) * 0.5) / (2 / 3 + 0.5));
  });
  it('is zero, not NaN, with nothing predicted and nothing gold', () => {
    expect(prf({ gold: 0, predicted: 0, matched: 0 }).f1).toBe(0);
  });
});
