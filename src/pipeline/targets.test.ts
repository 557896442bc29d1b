import { describe, expect, it } from 'vitest';
import type { Gazetteer } from '../ports/gazetteer.port.js';
import { extract } from './extract.js';
import { findTargetPhrases, findTargets, findVictims, withFullName } from './targets.js';

const noPlaces: Gazetteer = { lookup: () => [], country: () => null };

const texts = (ms: { text: string }[]): string[] => ms.map((m) => m.text);

describe('findTargets', () => {
  it('reads the object of an attack verb when its head is a building, installation or vehicle', () => {
    expect(texts(findTargets('Gunmen attacked a police station in the north.'))).toEqual(['police station']);
    expect(texts(findTargets('urban guerrillas dynamited 3 electricity pylons last night.'))).toEqual([
      'electricity pylons',
    ]);
    expect(texts(findTargets('A bomb exploded outside the U.S. embassy.'))).toEqual(['U.S. embassy']);
    expect(texts(findTargets('terrorists burned a bus and a truck.'))).toEqual(['bus']);
  });
  it('keeps spans that point at the source', () => {
    const text = 'They set fire to the municipal mayor’s office.';
    for (const t of findTargets(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
  it('takes the object of an attack verb without an article, and the owner after "offices of"', () => {
    expect(
      texts(findTargetPhrases('urban guerrillas sabotaged pylons and transformers in the east.')),
    ).toEqual(['pylons', 'transformers']);
    expect(
      texts(
        findTargetPhrases(
          'a car bomb exploded outside the offices of the national union federation (fenastras).',
        ),
      ),
    ).toEqual(['offices of the national union federation']);
    expect(texts(findTargetPhrases('the guerrillas burned a station wagon.'))).toEqual(['station wagon']);
    expect(texts(findTargetPhrases('rebels attacked the "santo tomas" presidential farm at dawn.'))).toEqual([
      '"santo tomas" presidential farm',
    ]);
    expect(
      texts(findTargetPhrases('the blast damaged several public buses, houses, and businesses.')),
    ).toEqual(['public buses', 'houses', 'businesses']);
    expect(texts(findTargetPhrases('a bomb exploded at a branch of the national energy company.'))).toEqual([
      'branch of the national energy company',
    ]);
  });
  it('finds nothing where nothing is attacked', () => {
    expect(findTargets('The minister opened a new school in the capital.')).toEqual([]);
    expect(findTargets('Rebels attacked the town at dawn.')).toEqual([]);
  });
  it('reads the passive subject of a verb of damage, and bank branches as one head', () => {
    expect(texts(findTargets('in cali nine private bank branches were also attacked overnight.'))).toEqual([
      'private bank branches',
    ]);
    expect(texts(findTargets('two transformers were destroyed and many houses have been damaged.'))).toEqual([
      'transformers',
      'houses',
    ]);
    expect(texts(findTargetPhrases('they placed bombs in various state bank branches.'))).toEqual([
      'state bank branches',
    ]);
  });
  it('takes no vehicle that carried the bomb or the attackers for a target', () => {
    expect(
      texts(findTargetPhrases('a truck rigged with dynamite exploded outside the police building.')),
    ).toEqual(['police building']);
    expect(texts(findTargetPhrases('a man stepped out of a car and left a bomb at the bank.'))).toEqual([
      'bank',
    ]);
    expect(texts(findTargetPhrases('the gunmen fled in a pickup after they burned the farm.'))).toEqual([
      'farm',
    ]);
  });
});

describe('findVictims', () => {
  it('names a victim after the title the report gives', () => {
    const v = findVictims(
      'a month after the murder of antioquia department governor antonio roldan betancur.',
    );
    expect(v.map((x) => [x.text, x.kind])).toEqual([['antonio roldan betancur', 'name']]);
    expect(
      texts(findVictims('the assassination of archbishop oscar arnulfo romero in 1980 shocked the country.')),
    ).toEqual(['oscar arnulfo romero']);
  });
  it('describes victims named by a group noun, as object or passive subject', () => {
    expect(findVictims('Soldiers killed six Jesuit priests on Thursday.')).toEqual([
      { start: 20, end: 34, text: 'Jesuit priests', kind: 'description' },
    ]);
    expect(texts(findVictims('he said that two peasants were murdered.'))).toEqual(['peasants']);
  });
  it('names a victim told in the possessive of a harm ("x\'s murder"), in lower and mixed case', () => {
    const names = (t: string): string[] =>
      findVictims(t)
        .filter((v) => v.kind === 'name')
        .map((v) => v.text);
    expect(names("rebels cut the road to protest union leader pedro almada's murder.")).toEqual([
      'pedro almada',
    ]);
    expect(names("Students marched over Mayor Ana Ruiz Paredes's kidnapping on Friday.")).toEqual([
      'Ana Ruiz Paredes',
    ]);
    expect(names("the country's killing fields were mapped.")).toEqual([]);
  });
  it('names victims without a title, before or after the verb of harm, two joined by "and"', () => {
    const names = (t: string): string[] =>
      findVictims(t)
        .filter((v) => v.kind === 'name')
        .map((v) => v.text);
    expect(
      names('the supreme court ordered an inquiry into the murder of jecar neghme, a spokesman.'),
    ).toEqual(['jecar neghme']);
    expect(names('liberal senator federico estrada velez was kidnapped on 3 april.')).toEqual([
      'federico estrada velez',
    ]);
    expect(names('erika sullivan and christopher anderson, a teacher, have been killed.')).toEqual([
      'erika sullivan',
      'christopher anderson',
    ]);
    expect(names("the commander's wife, stela torrado de otalora, was killed on monday.")).toEqual([
      'stela torrado de otalora',
    ]);
    expect(names('troops murdered peasants victor manuel vasquez and rafael romero.')).toEqual([
      'victor manuel vasquez',
      'rafael romero',
    ]);
    expect(names('Gunmen kidnapped Carlos Mendez in Cali.')).toEqual(['Carlos Mendez']);
    expect(
      names('the victims were identified as david lecky, a teacher, and james arthur donnelly.'),
    ).toEqual(['david lecky', 'james arthur donnelly']);
    expect(names('the radio lists the kidnap victims as "leslie kent, a teacher, and ana gomez."')).toEqual([
      'leslie kent',
      'ana gomez',
    ]);
  });
  it('names a victim before a relative clause of harm ("x who was kidnapped")', () => {
    const names = (t: string): string[] =>
      findVictims(t)
        .filter((v) => v.kind === 'name')
        .map((v) => v.text);
    expect(names('the release of radio reporter joao pereira lima who was kidnapped by rebels.')).toEqual([
      'joao pereira lima',
    ]);
  });
  it('names each person of a list that is the subject of a passive verb of harm', () => {
    const names = (t: string): string[] =>
      findVictims(t)
        .filter((v) => v.kind === 'name')
        .map((v) => v.text);
    expect(
      names(
        'according to a church office in lima, the irish priest tomas o neill, head of the parish school ' +
          '(san jose), four catechists, and a driver were murdered on sunday.',
      ),
    ).toEqual(['tomas o neill']);
    expect(
      names(
        'the two engineers, pablo ruiz of quito and marta sosa of cuenca, with engineer ivan lara, were kidnapped.',
      ),
    ).toEqual(['pablo ruiz', 'marta sosa', 'ivan lara']);
    // "are still being held hostage", a list with "as well as"
    expect(
      names('senator ana rivas and two aides, as well as a driver, are still being held hostage.'),
    ).toEqual(['ana rivas']);
    // "captured" of people named; the name after "of" when the words before it are none
    expect(
      names(
        'the families of luis mora, carla vega, and minor ana ruiz, who were captured by soldiers, marched.',
      ),
    ).toEqual(['luis mora', 'carla vega', 'ana ruiz']);
    // no numbers, kin or offices for names
    expect(names('a 15-year-old niece of the mayor and approximately 100 others were wounded.')).toEqual([]);
  });
  it('names people after a verb or noun of harm, with the rest of a list of names', () => {
    const names = (t: string): string[] =>
      findVictims(t)
        .filter((v) => v.kind === 'name')
        .map((v) => v.text);
    expect(names('plainclothes agents seized law students tomas vera and luz pinto on monday.')).toEqual([
      'tomas vera',
      'luz pinto',
    ]);
    expect(
      names('unions condemned the kidnapping and murder on 3 may of hernan soto diaz, a teacher.'),
    ).toEqual(['hernan soto diaz']);
    expect(
      names(
        'the commission reported the capture of rosa quispe, juan mamani soria, and elena cruz by troops.',
      ),
    ).toEqual(['rosa quispe', 'juan mamani soria', 'elena cruz']);
  });
  it('gives a name told again in part as the report first told it in full', () => {
    const full = (t: string): (string | null)[] =>
      findVictims(t)
        .filter((v) => v.kind === 'name')
        .map((v) => withFullName(t, v)?.text ?? null);
    // a surname alone, after a full stop: the full name told before, in front of and after it
    expect(
      full('aboard were nurse ana maria ochoa paz and the pilot. the crew said that ochoa was wounded.'),
    ).toEqual(['ana maria ochoa paz']);
    expect(
      full('police searched for ramon diaz ferrer, a banker. diaz ferrer was kidnapped on friday.'),
    ).toEqual(['ramon diaz ferrer']);
    // a surname with no full name before it is no victim; nor a word after "of" or in the possessive
    expect(full('the driver stopped. ochoa was wounded.')).toEqual([null]);
    expect(full('rebels shelled the home of mayor luis prado. a niece of prado was injured.')).toEqual([]);
  });
  it('names the occupants listed after "the following people were aboard …:"', () => {
    const names = (t: string): string[] =>
      findVictims(t)
        .filter((v) => v.kind === 'name')
        .map((v) => v.text);
    expect(
      names(
        'the following people were aboard the launch: u.k. citizen peter hale, peruvians rosa inga ' +
          'choque and mario quispe, and the pilot dario luna.',
      ),
    ).toEqual(['peter hale', 'rosa inga choque', 'mario quispe', 'dario luna']);
  });
  it('takes no owner of what was attacked, and no subject of a clause inside an apposition', () => {
    const names = (t: string): string[] =>
      findVictims(t)
        .filter((v) => v.kind === 'name')
        .map((v) => v.text);
    expect(names('there was an attack on the home of colonel ramon prado last night.')).toEqual([]);
    expect(names('they want talks in santa lucia, especially now that nuns have been killed.')).toEqual([]);
  });
  it('takes no common words, places or lower-case words in mixed-case text for names', () => {
    const names = (t: string): string[] =>
      findVictims(t)
        .filter((v) => v.kind === 'name')
        .map((v) => v.text);
    expect(names('the death of innocent civilians was condemned.')).toEqual([]);
    expect(names('the kidnapping of foreign technicians was reported.')).toEqual([]);
    expect(names('two men were killed yesterday, the police said.')).toEqual([]);
    expect(names('Gunmen kidnapped two engineers in Cali.')).toEqual([]);
  });
  it('takes no function words or names of things for names', () => {
    expect(findVictims('the death of the leader of the party was announced.')).toEqual([]);
    expect(texts(findVictims('the murder of the leader of the party was announced.'))).toEqual(['leader']);
  });
});

describe('extract: targets and victims on events', () => {
  it('adds them to the event as spans of the source, in mixed and in single case', () => {
    for (const text of [
      'On 3 March gunmen attacked a police station and killed two policemen.',
      'on 3 march terrorists attacked the electric power substation and killed judge maria elena diaz perez.',
    ]) {
      const x = extract({ text, published: '1989-03-05' }, { gazetteer: noPlaces });
      const e = x.events[0];
      expect(e, text).toBeDefined();
      expect(e!.targets?.length, text).toBeGreaterThan(0);
      expect(e!.victims?.length, text).toBeGreaterThan(0);
      for (const t of [...(e!.targets ?? []), ...(e!.victims ?? [])])
        expect(text.slice(t.span.start, t.span.end)).toBe(t.text);
    }
  });
  it('leaves the fields out when the report names no target or victim', () => {
    const x = extract(
      { text: 'On 3 March rebels clashed with soldiers near the border.', published: '1989-03-05' },
      { gazetteer: noPlaces },
    );
    for (const e of x.events) {
      expect(e).not.toHaveProperty('targets');
      expect(e).not.toHaveProperty('victims');
    }
  });
});
