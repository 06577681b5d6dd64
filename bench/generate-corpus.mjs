// Generates a realistic content project of N health articles (~6.5 KB each) for benchmarks.
// Deterministic: the same N gives the same bytes, so runs compare like with like.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const CONDITIONS = ['chronic back pain', 'migraine', 'type 2 diabetes', 'asthma', 'osteoarthritis', 'high blood pressure', 'eczema', 'insomnia', 'anxiety', 'heart failure', 'sciatica', 'gout'];
const TREATMENTS = ['physiotherapy', 'pain medication', 'exercise therapy', 'cognitive behavioural therapy', 'acupuncture', 'surgery', 'injections', 'diet changes', 'inhalers', 'sleep hygiene'];
const AUTHORS = ['Maya Chen', 'Tom Okafor', 'Lena Fischer', 'Ravi Patel', 'Sofia Alvarez'];
const REVIEWERS = ['Dr. Anna Berg, MD', 'Dr. Kwame Mensah, MBChB', 'Dr. Julia Novak, DO'];
const SENTENCES = [
  'Many people notice the first signs slowly over several weeks.',
  'Your doctor will ask about your symptoms and how long you have had them.',
  'Simple changes at home often help, such as staying active and resting well.',
  'Keep a short diary of when symptoms start and what makes them better.',
  'Some medicines can cause side effects, so read the leaflet that comes with them.',
  'If a treatment does not help after a few weeks, talk to your care team again.',
  'Most people feel better with a mix of self-care and support from a professional.',
  'Tests are not always needed, but they can rule out other causes.',
  'Try to move a little every day, even on days when you feel tired.',
  'Ask your pharmacist before you mix over-the-counter products with prescribed ones.',
  'Family and friends can help you keep to a plan that works for you.',
  'Write down your questions before an appointment so you do not forget them.',
];

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function paragraph(next, count) {
  const out = [];
  for (let i = 0; i < count; i++) out.push(SENTENCES[Math.floor(next() * SENTENCES.length)]);
  return out.join(' ');
}

function pad(n) {
  return String(n).padStart(2, '0');
}

export function articleText(i) {
  const next = rng(i + 1);
  const condition = CONDITIONS[i % CONDITIONS.length];
  const treatments = [TREATMENTS[i % TREATMENTS.length], TREATMENTS[(i + 3) % TREATMENTS.length]];
  const year = 2020 + (i % 5);
  const date = `${year}-${pad((i % 12) + 1)}-${pad((i % 28) + 1)}`;
  const title = `Living with ${condition}: practical guide number ${i + 1}`;
  const lines = [
    '---',
    `title: "${title}"`,
    `description: "A plain-language guide to ${condition}: symptoms, causes, treatment options and when to see a doctor."`,
    `date: ${date}`,
    `author: ${AUTHORS[i % AUTHORS.length]}`,
    `reviewedBy: "${REVIEWERS[i % REVIEWERS.length]}"`,
    'lastReviewed: 2026-11-01',
    'type: condition',
    `condition: ${condition}`,
    'treatments:',
    ...treatments.map((t) => `  - ${t}`),
    'tags:',
    `  - ${condition}`,
    `  - guide-${i % 20}`,
    '---',
    '',
    paragraph(next, 5),
    '',
    '## Symptoms',
    '',
    paragraph(next, 6),
    '',
    '- Pain or discomfort that comes and goes',
    '- Tiredness during the day',
    '- Trouble sleeping',
    '',
    '## Causes',
    '',
    paragraph(next, 6),
    '',
    '## Treatment',
    '',
    paragraph(next, 4),
    '',
  ];
  for (const treatment of treatments) {
    lines.push(`### ${treatment[0].toUpperCase()}${treatment.slice(1)}`, '', paragraph(next, 6), '', paragraph(next, 5), '');
  }
  lines.push(
    '## Living well',
    '',
    paragraph(next, 8),
    '',
    paragraph(next, 8),
    '',
    paragraph(next, 8),
    '',
    '## When to See a Doctor',
    '',
    paragraph(next, 4),
    '',
    '## Sources',
    '',
    '- [NHS: Health A to Z](https://www.nhs.uk/conditions/)',
    '- [MedlinePlus: Health Topics](https://medlineplus.gov/healthtopics.html)',
    '',
    '## Disclaimer',
    '',
    'This article is for general information only and is not a substitute for professional medical advice.',
    '',
  );
  return lines.join('\n');
}

/** Writes `count` articles into `dir/articles` (in 20 sub-folders) plus a config; returns the project folder. */
export function generateCorpus(dir, count) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'articles'), { recursive: true });
  writeFileSync(
    path.join(dir, 'healthmd.config.yaml'),
    'site:\n  title: Benchmark library\n  baseUrl: https://example.org/\nreview:\n  maxAgeMonths: 36\nrules:\n  readability-grade: off\n',
  );
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, 'articles', `topic-${i % 20}`);
    if (i < 20) mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `guide-${i + 1}.md`), articleText(i));
  }
  return dir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'bench/.corpus/4000', count = '4000'] = process.argv.slice(2);
  generateCorpus(dir, Number(count));
  console.log(`${count} articles in ${dir}`);
}
