import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from './helpers.js';
import { byClass, parseHtml, text } from '../site/support/html.js';

const article = (body: string) => `---
title: Tiredness
description: Why you may feel tired all the time and what can help, from sleep to seeing a GP.
date: 2024-05-08
author: Jordan Ellis
reviewedBy: "Dr Amira Patel, MBBS"
lastReviewed: 2024-05-01
type: article
---
${body}`;

const SHORT = `Water helps, but it is not a miracle cure for tiredness.

## Sources

- [NHS: Water, drinks and your health](https://www.nhs.uk/live-well/eat-well/food-guidelines-and-food-labels/water-drinks-nutrition/)

## Disclaimer

General information only.
`;

async function indexExcerpts(files: Record<string, string>): Promise<string[]> {
  const project = tempProject(files);
  const result = await runCli(['build', '--skip-lint', '--quiet'], { cwd: project, env: { HEALTHMD_NOW: '2024-06-01' } });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const index = parseHtml(readFileSync(path.join(project, 'public', 'index.html'), 'utf8'));
  return byClass(index, 'post-card__excerpt').map(text);
}

describe('index excerpts', () => {
  it('come from the opening prose of a short article, never its Sources or Disclaimer', async () => {
    const excerpts = await indexExcerpts({ 'articles/tiredness.md': article(SHORT) });
    expect(excerpts).toEqual(['Water helps, but it is not a miracle cure for tiredness.']);
  });

  it('skip a Sources or Disclaimer section wherever it stands, and headings', async () => {
    const body = `## Disclaimer

General information only.

## References

1. NHS: Tiredness and fatigue. https://www.nhs.uk/conditions/tiredness-and-fatigue/

## Why am I tired?

Feeling tired all the time is common.

## What helps

Sleep at regular times.
`;
    const excerpts = await indexExcerpts({ 'articles/tiredness.md': article(body) });
    expect(excerpts).toEqual(['Feeling tired all the time is common. Sleep at regular times.']);
  });

  it('are empty, not the disclaimer, for an article whose only prose is Sources and Disclaimer', async () => {
    const body = `## Sources

- NHS: Tiredness. https://www.nhs.uk/

## Disclaimer

General information only.
`;
    const project = tempProject({ 'articles/tiredness.md': article(body) });
    const result = await runCli(['build', '--skip-lint'], { cwd: project, env: { HEALTHMD_NOW: '2024-06-01' } });
    expect(result.code).toBe(0);
    const index = readFileSync(path.join(project, 'public', 'index.html'), 'utf8');
    expect(index).toContain('Tiredness');
    expect(index).not.toMatch(/post-card__excerpt/);
  });
});
