import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from './helpers.js';

const ARTICLE = `---
title: Anaemia
description: What anaemia is, how it shows itself, and when a blood test is worth asking your doctor for.
date: 2024-01-10
author: Dr Ana Ruiz
reviewedBy: Dr Omar Haddad, MD
lastReviewed: 2024-02-01
---

Anaemia means the blood carries less oxygen than the body needs.

## Sources

- https://www.nhs.uk/conditions/iron-deficiency-anaemia/

## Disclaimer

This article is general information, not medical advice.
`;

describe('one review cycle', () => {
  it('lint, list --due, the page and its JSON-LD agree when review-current sets 6 months over review.maxAgeMonths', async () => {
    const project = tempProject({
      // The rule's option is the more specific setting, and wins over review.maxAgeMonths everywhere.
      'healthmd.config.yaml': 'review:\n  maxAgeMonths: 12\nrules:\n  review-current:\n    options:\n      maxAgeMonths: 6\n',
      'articles/anaemia.md': ARTICLE,
    });
    const env = { HEALTHMD_NOW: '2024-09-01' };

    const lint = await runCli(['lint', '--format', 'json'], { cwd: project, env });
    const findings = JSON.parse(lint.stdout)[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'review-current');
    expect(findings.map((m: { messageId: string }) => m.messageId)).toEqual(['stale']);
    expect(findings[0].message).toContain('due again by 2024-08-01 (every 6 months)');

    const list = await runCli(['list', '--json', '--due'], { cwd: project, env });
    expect(list.stderr).toBe('');
    const rows = JSON.parse(list.stdout) as Array<{ path: string; reviewDue: string }>;
    expect(rows.map((row) => row.reviewDue)).toEqual(['2024-08-01']);

    const build = await runCli(['build', '--skip-lint'], { cwd: project, env });
    expect(build.code).toBe(0);
    const page = readFileSync(path.join(project, 'public', 'articles', 'anaemia', 'index.html'), 'utf8');
    expect(page).toContain('Next review due <time datetime="2024-08-01">1 August 2024</time>');
    // schema.org's MedicalWebPage has lastReviewed and no "next review" property: the cycle shows in what it does carry.
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)![1]);
    expect(jsonLd.lastReviewed).toBe('2024-02-01');
  });
});
