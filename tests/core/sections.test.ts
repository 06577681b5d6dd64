import { describe, expect, it } from 'vitest';
import { containsWords, headingMatchesSection, singular, words } from '../../src/core/sections.js';

describe('headingMatchesSection', () => {
  const matches: [string, string][] = [
    ['Sources', 'Sources'],
    ['sources', 'Sources'],
    ['Source', 'Sources'],
    ['References', 'Sources'],
    ['Sources and Further Reading', 'Sources'],
    ['Treatment', 'Treatment'],
    ['Treatments', 'Treatment'],
    ['Treatment Options', 'Treatment'],
    ['How It Is Treated', 'Treatment'],
    ['Side Effects', 'Risks'],
    ['Risks and Side Effects', 'Risks'],
    ['Risk', 'Risks'],
    ['Symptom', 'Symptoms'],
    ['Signs and Symptoms', 'Symptoms'],
    ['Causes', 'Causes'],
    ['What Causes It?', 'Causes'],
    ['When to See a Doctor', 'When to See a Doctor'],
    ['When to see your doctor', 'When to See a Doctor'],
    ['When To See A GP', 'When to See a Doctor'],
    ['Medical Disclaimer', 'Disclaimer'],
    ['Therapies', 'Treatment'],
    ['Sources:', 'Sources'],
    ['References (3)', 'Sources'],
    ['Referencias bibliográficas', 'Sources'],
    ['Aviso médico', 'Disclaimer'],
    ['Important notice', 'Disclaimer'],
  ];
  for (const [heading, section] of matches) {
    it(`"${heading}" is a ${section} section`, () => expect(headingMatchesSection(heading, section)).toBe(true));
  }

  const misses: [string, string][] = [
    ['Resources', 'Sources'],
    ['Sourced Material', 'Sources'],
    ['Disclaimers Aside', 'Sources'],
    ['Treated Water', 'Treatment'],
    ['See a Doctor', 'When to See a Doctor'],
    ['', 'Sources'],
    // Sources and Disclaimer sections are lifted out of the body: only a heading about nothing else names them.
    ['Sources of vitamin D', 'Sources'],
    ['Open Source and Accessible', 'Sources'],
    ['18F: An open source team', 'Sources'],
    ['Fuentes de vitamina D', 'Sources'],
    ['Disclaimer for the trial results', 'Disclaimer'],
  ];
  for (const [heading, section] of misses) {
    it(`"${heading}" is not a ${section} section`, () => expect(headingMatchesSection(heading, section)).toBe(false));
  }
});

describe('words', () => {
  it('lower-cases, drops accents and punctuation, and singularises', () => {
    expect(words('Café Therapies, Boxes & Symptoms!')).toEqual(['cafe', 'therapy', 'box', 'symptom']);
    expect(singular('diagnosis')).toBe('diagnosis');
    expect(singular('virus')).toBe('virus');
    expect(singular('stress')).toBe('stress');
  });

  it('matches whole words in order', () => {
    expect(containsWords(['when', 'to', 'see', 'a', 'doctor'], ['see', 'a', 'doctor'])).toBe(true);
    expect(containsWords(['see', 'doctor', 'a'], ['see', 'a', 'doctor'])).toBe(false);
    expect(containsWords(['a'], [])).toBe(false);
  });
});
