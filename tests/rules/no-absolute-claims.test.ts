import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { fixture as ruleFixture, lintOne } from './support/lint-with-rule.js';

const RULE = 'no-absolute-claims';

const fixture = (name: string): string => ruleFixture(RULE, name);
const lint = (content: string, options?: Record<string, unknown>): Diagnostic[] => lintOne(RULE, content, { options });

const FRONT = '---\ntitle: Back pain\ndescription: Back pain explained.\ndate: 2024-05-08\nauthor: A. Writer\n---\n';

/** The phrases flagged in one sentence written as the article's first paragraph. */
function flagged(sentence: string): string[] {
  return lint(`${FRONT}${sentence}\n`).map((m) => sentence.slice(m.column - 1, m.endColumn! - 1));
}

describe('no-absolute-claims', () => {
  it('flags the seed article\'s "exponentially increase" at its exact line and column', () => {
    const seed =
      'As you can see, there are several conventional and alternative medicine treatment options available for chronic back pain. ' +
      'By combining these treatments, you will exponentially increase your chances of relieving your pain and getting back to living your life as you would like.';
    const messages = lint(`${FRONT}When you suffer from chronic back pain, you may feel like you are unable to find any relief.\n\n${seed}\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: RULE, messageId: 'claim', severity: 'warning', line: 9, column: 164, endLine: 9, endColumn: 186 });
  });

  it('accepts denials, hedges and quoted mentions', () => {
    expect(lint(fixture('ok.md'))).toEqual([]);
  });

  it('reports each claim in the not-ok fixture where it stands', () => {
    expect(lint(fixture('not-ok.md')).map((m) => `${m.line}:${m.column}`)).toEqual([
      '7:15', // miracle cure
      '7:47', // cures arthritis
      '7:71', // no side effects
      '11:9', // 100% effective
      '11:28', // completely safe
      '12:19', // will cure
      '12:53', // instant relief
      '13:5', // risk-free
      '13:24', // **exponentially increase**: inside emphasis
      '15:18', // guaranteed to work
      '15:53', // never fails
      '15:71', // eliminate pain forever
    ]);
  });

  it.each([
    ['Turmeric cures arthritis.', 'cures arthritis'],
    ['This remedy cures sciatica.', 'cures sciatica'],
    ['The diet cures epilepsy and tinnitus.', 'cures epilepsy and tinnitus'],
    ['This brace will cure your back pain.', 'will cure'],
    ['It is a miracle cure.', 'miracle cure'],
    ['Try this miracle treatment.', 'miracle treatment'],
    ['Guaranteed relief in days.', 'Guaranteed relief'],
    ['It is guaranteed to work.', 'guaranteed to work'],
    ['The cream is 100% effective.', '100% effective'],
    ['The pill is 100% safe.', '100% safe'],
    ['The tea has no side effects.', 'no side effects'],
    ['You will get no side effects at all.', 'no side effects'],
    ['The patch is completely safe.', 'completely safe'],
    ['A risk-free option.', 'risk-free'],
    ['You will exponentially increase your chances.', 'exponentially increase'],
    ['A permanent cure for gout.', 'permanent cure'],
    ['Get instant relief.', 'instant relief'],
    ['Massage always works.', 'always works'],
    ['This method never fails.', 'never fails'],
    ['It is proven to cure colds.', 'proven to cure'],
    ['It eliminates pain forever.', 'eliminates pain forever'],
  ])('flags %j', (sentence, phrase) => {
    expect(flagged(sentence)).toEqual([phrase]);
  });

  it.each([
    'There is no cure for arthritis.',
    "There's no cure for the common cold.",
    'No cure exists yet.',
    'Surgery is not a cure.',
    'Antibiotics cannot cure a cold.',
    'Most people have no side effects.',
    'The drug has few side effects.',
    'No treatment is risk-free.',
    'Nothing is 100% effective.',
    'Relief is not guaranteed.',
    'Home cures for migraine rarely help.',
    'It does not always work.',
    'Be wary of anything sold as a miracle cure.',
    'Adverts call it "risk-free", but it is not.',
  ])('passes %j', (sentence) => {
    expect(flagged(sentence)).toEqual([]);
  });

  it('passes questions: they ask about a claim, they do not make it', () => {
    expect(flagged('Is there a miracle cure for back pain?')).toEqual([]);
    expect(flagged('Does acupuncture have no side effects? It has some.')).toEqual([]);
    expect(flagged('Why ask? It is a miracle cure.')).toEqual(['miracle cure']);
  });

  it('does not let a superlative hedge a claim: "the most" is not "most people"', () => {
    expect(flagged('The most popular capsule cures arthritis.')).toEqual(['cures arthritis']);
  });

  it('looks only within the same sentence for a negation', () => {
    expect(flagged('It is not cheap. It is a miracle cure.')).toEqual(['miracle cure']);
  });

  it('ignores code, inline code and HTML comments, and checks headings', () => {
    const body = '## A miracle cure for back pain\n\nUse `100% effective` as an example.\n\n<!-- guaranteed relief -->\n\n```\nrisk-free\n```\n';
    expect(lint(`${FRONT}${body}`).map((m) => `${m.line}:${m.column}`)).toEqual(['7:6']);
  });

  it('adds configured phrases and accepts allowed ones', () => {
    const text = `${FRONT}Our clinic offers a pain-free recovery. The test is risk-free for you.\n`;
    expect(lint(text).map((m) => m.messageId)).toEqual(['claim']);
    const messages = lint(text, { phrases: ['pain-free recovery'], allow: ['risk-free'] });
    expect(messages.map((m) => `${m.messageId}@${m.line}:${m.column}`)).toEqual(['phrase@7:21']);
  });

  it('finds a claim that wraps onto the next line and reports where it starts and ends', () => {
    const [message] = lint(`${FRONT}You will see a miracle\n  cure.\n`);
    expect(message).toMatchObject({ line: 7, column: 16, endLine: 8, endColumn: 7 });
  });

  it.each([
    ['There is only one existing treatment for the new coronavirus: vitamin C.', 'only one existing treatment'],
    ['The only treatment is a course of infusions.', 'only treatment'],
    ['It will definitely reduce the severity of the infection.', 'will definitely reduce'],
    ['The capsule is guaranteed to help.', 'guaranteed to help'],
    ['Vitamin C has worked against every single virus including influenzas.', 'worked against every single virus'],
    ['This method works for everyone.', 'works for everyone'],
    ['We use an exchange therapy, which we know to be safe.', 'know to be safe'],
    ['The drip is completely safe.', 'completely safe'],
    ['There is no risk at all.', 'no risk at all'],
    ['The tea is perfectly harmless.', 'perfectly harmless'],
  ])('flags the missed kinds at the phrase: %j', (sentence, phrase) => {
    expect(flagged(sentence)).toEqual([phrase]);
  });

  it.each([
    'Nothing is proven to work against COVID-19.',
    'There is no cure.',
    'Most people have no side effects.',
    "Some sites claim it is 'completely safe'; it is not.",
    'Some sites call it "a natural and completely safe fix", but it is not.',
    'The drip is not completely safe.',
    'No treatment is guaranteed to work.',
    'Myth: vitamin C is the only treatment for the new coronavirus.',
    'You should definitely stop smoking.',
    'The jab is completely safe for most adults.',
  ])('passes what is not a claim: %j', (sentence) => {
    expect(flagged(sentence)).toEqual([]);
  });

  it('still reports a quotation the article stands behind', () => {
    expect(flagged('"It is completely safe," says our lead nurse.')).toEqual(['completely safe']);
  });

  it('knows whether a citation stands beside the claim, and says what would make it acceptable', () => {
    const [uncited] = lint(`${FRONT}Medicine proven to work for treating PTSD is available.\n`);
    expect(uncited).toMatchObject({ messageId: 'claim', column: 10 });
    expect(uncited.message).toMatch(/no source beside it: cite the study .* or hedge it/);
    // "Proven" beside the evidence is for the reader to check: not reported.
    expect(lint(`${FRONT}Medicine proven to work for treating PTSD is available [1].\n`)).toEqual([]);
    expect(lint(`${FRONT}Medicine proven to work for treating PTSD is available ([guideline](https://www.nice.org.uk/guidance/ng116)).\n`)).toEqual([]);
    expect(lint(`${FRONT}Medicine proven to work for treating PTSD is available.[^1]\n\n[^1]: A trial.\n`)).toEqual([]);
    // No study shows "completely safe": beside a citation it is still reported, and the message says the source is there.
    const [cited] = lint(`${FRONT}Therapy is completely safe, as a review found (Smith et al., 2019).\n`);
    expect(cited).toMatchObject({ messageId: 'cited-claim' });
    expect(cited.message).toMatch(/a source is cited beside it.*hedge the wording/);
    const [bare] = lint(`${FRONT}Therapy is completely safe.\n`);
    expect(bare.message).toMatch(/no source is cited beside it: hedge it .* or cite the evidence/);
  });

  it('looks for the citation in the same paragraph only', () => {
    expect(lint(`${FRONT}Medicine proven to work for PTSD is available.\n\nA trial is cited here [1].\n`).map((m) => m.messageId)).toEqual(['claim']);
  });

  it('finds promises phrased with a verb, about the future, for everyone, of safety and of exclusivity', () => {
    expect(flagged('We guarantee your eczema will clear within a week.')).toEqual(['guarantee your eczema will']);
    expect(flagged('After one course you will never suffer from hay fever again.')).toEqual(['will never suffer']);
    expect(flagged('The balm heals every rash in two days.')).toEqual(['heals every rash']);
    expect(flagged('The patch lowers blood pressure in every adult who wears it.')).toEqual(['lowers blood pressure in every adult']);
    expect(flagged('Our acupuncture is harmless even during pregnancy.')).toEqual(['harmless even during']);
    expect(flagged('The spray gargle wipes out sore throat infections overnight.')).toEqual(['wipes out sore throat infections']);
    expect(flagged('No other supplement on the shelf can match it.')).toEqual(['No other supplement on the shelf can']);
    expect(flagged('It is the single treatment you need for acne.')).toEqual(['the single treatment']);
  });

  it('takes "eliminates the need for" as a claim only when what is no longer needed is care', () => {
    expect(flagged('Online booking eliminates the need for a phone call.')).toEqual([]);
    expect(flagged('The new clinic eliminates the need for a long drive to the city.')).toEqual([]);
    expect(flagged('Our prehab classes eliminate the need for painkillers after surgery.')).toEqual(['eliminate the need for painkillers']);
    expect(flagged('This supplement eliminates the need for blood pressure medication.')).toEqual(['eliminates the need for blood pressure medication']);
    expect(flagged('The brace eliminates the need for knee surgery.')).toEqual(['eliminates the need for knee surgery']);
  });

  it('reads "the end", "our work" as nouns, and a time that "works for everyone" as a time that suits', () => {
    expect(flagged('At the end of the year, we reached out to everyone at the clinic.')).toEqual([]);
    expect(flagged('We hope the details of our work are helpful for anyone starting a practice.')).toEqual([]);
    expect(flagged('We make sure the end product is clear and accessible to everyone.')).toEqual([]);
    expect(flagged('Pick an appointment time that works for everyone in the family.')).toEqual([]);
    expect(flagged('This cream works for everyone.')).toEqual(['works for everyone']);
    expect(flagged('A cream that works for everyone with eczema.')).toEqual(['works for everyone']);
    expect(flagged('The drops help everyone with dry eyes.')).toEqual(['help everyone']);
  });

  it('passes a claim the sentence reports as marketing, and a hedge between the verb and "everyone"', () => {
    expect(flagged('The powder is sold as a way to get rid of eczema for good, but no trial has tested it.')).toEqual([]);
    expect(flagged('Some clinics advertise the laser as a way to regrow hair follicles.')).toEqual([]);
    expect(flagged('An exercise that helps one person might not help everyone.')).toEqual([]);
  });

  it('reads a footnote as the article\'s text: a claim in a note is a claim, at its place in the file', () => {
    const messages = lint(`${FRONT}Rest helps most people.[^1]\n\n[^1]: Combined, they exponentially increase your chances.\n`);
    expect(messages.map((m) => [m.line, m.column])).toEqual([[9, 22]]);
  });

  describe('on a Spanish page (lang: es)', () => {
    const spanish = (sentence: string): string[] =>
      lint(`---\ntitle: Asma\nlang: es\n---\n${sentence}\n`).map((m) => sentence.slice(m.column - 1, m.endColumn! - 1));

    it('flags the claims Spanish health marketing makes', () => {
      expect(spanish('Este jarabe cura el asma y es completamente seguro.')).toEqual(['cura el asma', 'completamente seguro']);
      expect(spanish('Nuestro remedio milagroso funciona para todo el mundo, sin efectos secundarios.')).toEqual(['remedio milagroso', 'funciona para todo el mundo', 'sin efectos secundarios']);
      expect(spanish('Un spray que elimina el virus de la gripe. Te garantizamos que notarás la mejoría.')).toEqual(['elimina el virus', 'Te garantizamos que']);
      expect(spanish('Es 100 % eficaz y el único tratamiento que funciona.')).toEqual(['100 % eficaz', 'el único tratamiento que funciona']);
    });

    it('passes denials, hedges, questions, limits, the body\'s own healing and a cited proof', () => {
      expect(spanish('No hay cura para el asma. ¿Se cura el asma? La cura del asma aún no existe.')).toEqual([]);
      expect(spanish('El tratamiento puede ser completamente seguro para la mayoría.')).toEqual([]);
      expect(spanish('La mayoría de las personas no tiene efectos secundarios. Es eficaz y sin efectos secundarios graves.')).toEqual([]);
      expect(spanish('Tu cuerpo eliminará el virus del resfriado con el tiempo.')).toEqual([]);
      expect(spanish('Está clínicamente probado (Smith, 2019).')).toEqual([]);
      expect(spanish('Está clínicamente probado.')).toEqual(['clínicamente probado']);
    });

    it('reads a Spanish paragraph with the Spanish phrases, and one in English (a scaffold left in English) with the English', () => {
      expect(spanish('This syrup cures asthma and it is completely safe.')).toEqual(['cures asthma', 'completely safe']);
      // Words both languages have ('no', 'son') count for neither.
      expect(spanish('The tea has no side effects.')).toEqual(['no side effects']);
      expect(spanish('Es importante que el médico cure la artritis con el tratamiento que funciona para usted.')).toEqual([]);
      expect(spanish('El jarabe cures asthma, dicen los anuncios de la tele en la radio.')).toEqual([]);
    });
  });
});
