import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { formatSarif } from '../../src/formatters/sarif.js';
import { CWD, RULES, context, diagnostic, result, sampleResults } from './sample-results.js';

// The SARIF 2.1.0 schema as the SARIF project publishes it (draft-04, MIT), kept with the tests so they run on any machine.
const SCHEMA_FILE = fileURLToPath(new URL('../fixtures/schemas/sarif-2.1.0.json', import.meta.url));

function validator() {
  // One of the schema's patterns is not valid in unicode mode (see the schema's README).
  // Both packages are CommonJS that also export themselves as `default`: that is the typed way in.
  const ajv = new Ajv.default({ unicodeRegExp: false, allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
}

function run(output: string) {
  const log = JSON.parse(output);
  expect(log.runs).toHaveLength(1);
  return log.runs[0];
}

describe('formatSarif', () => {
  const validate = validator();

  it('is valid SARIF 2.1.0 for errors, warnings, fixes, a fatal finding and odd file names', () => {
    const log = JSON.parse(formatSarif(sampleResults(), context()));
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/^https:\/\/.*sarif-2\.1\.0/);
  });

  it('is valid with no results and with positions the schema would refuse', () => {
    expect(validate(JSON.parse(formatSarif([], context())))).toBe(true);
    const zero = result('a.md', [diagnostic('link-safety', 0, 0, { endLine: 0, endColumn: 0 })]);
    const log = JSON.parse(formatSarif([zero], context()));
    expect(validate.errors ?? []).toEqual([]);
    expect(validate(log)).toBe(true);
    expect(log.runs[0].results[0].locations[0].physicalLocation.region).toMatchObject({ startLine: 1, startColumn: 1 });
  });

  it('describes every rule in the driver, with defaults, fixability and fatality', () => {
    const driver = run(formatSarif([], context())).tool.driver;
    expect(driver).toMatchObject({ name: 'healthmd', version: '9.8.7' });
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules.map((rule: { id: string }) => rule.id)).toEqual(RULES.map((rule) => rule.id));
    const byId = Object.fromEntries(driver.rules.map((rule: { id: string }) => [rule.id, rule]));
    expect(byId['front-matter-valid']).toMatchObject({ defaultConfiguration: { level: 'error' }, properties: { fatal: true, fixable: false } });
    expect(byId['heading-structure']).toMatchObject({ properties: { fatal: false, fixable: true } });
    expect(byId['readability-grade'].defaultConfiguration.level).toBe('warning');
    expect(byId['link-safety'].shortDescription.text).toBe('checks link-safety');
  });

  it('carries each rule\'s documentation in help, which code scanning shows, and gives a helpUri only where there is a public address', () => {
    const ruleHelp = { 'link-safety': { markdown: 'Links are **safe**.', text: 'Links are safe.' } };
    const published = JSON.parse(formatSarif([], context({ ruleHelp, ruleUrl: (id) => `https://git.example/healthmd/docs/${id}.md` })));
    expect(validate(published)).toBe(true);
    const byId = Object.fromEntries(published.runs[0].tool.driver.rules.map((rule: { id: string }) => [rule.id, rule]));
    expect(byId['link-safety']).toMatchObject({ helpUri: 'https://git.example/healthmd/docs/link-safety.md', help: { text: 'Links are safe.', markdown: 'Links are **safe**.' } });
    expect(byId['heading-structure'].help).toBeUndefined();

    const unpublished = JSON.parse(formatSarif([], context({ ruleHelp, ruleUrl: () => undefined })));
    expect(validate(unpublished)).toBe(true);
    for (const rule of unpublished.runs[0].tool.driver.rules) expect(rule).not.toHaveProperty('helpUri');
  });

  it('points each result at its rule, level and place', () => {
    const sarif = run(formatSarif(sampleResults(), context()));
    expect(sarif.results).toHaveLength(5);
    for (const item of sarif.results) expect(sarif.tool.driver.rules[item.ruleIndex].id).toBe(item.ruleId);
    expect(sarif.results.map((item: { level: string }) => item.level)).toEqual(['error', 'warning', 'error', 'warning', 'error']);
    const first = sarif.results[0];
    expect(first.message.text).toBe('remove the body H1: the title is the H1.');
    expect(first.locations[0].physicalLocation.region).toEqual({ startLine: 3, startColumn: 1, endLine: 3, endColumn: 14 });
    expect(sarif.results[2].locations[0].physicalLocation.region).toEqual({ startLine: 120, startColumn: 33 });
  });

  it('uses encoded URIs relative to %SRCROOT%, which is the working directory', () => {
    const sarif = run(formatSarif(sampleResults(), context()));
    const root = sarif.originalUriBaseIds['%SRCROOT%'].uri;
    expect(root).toBe(`${pathToFileURL(CWD).href}/`);
    const uris = sarif.artifacts.map((artifact: { location: { uri: string; uriBaseId: string } }) => {
      expect(artifact.location.uriBaseId).toBe('%SRCROOT%');
      return artifact.location.uri;
    });
    expect(uris).toHaveLength(4);
    expect(uris[1]).not.toMatch(/[ #,:\u0080-\uFFFF]/);
    // Resolving each URI against the root gives back the file itself.
    const files = uris.map((uri: string) => new URL(uri, root));
    expect(files.map((url: URL) => decodeURIComponent(url.pathname))).toEqual(sampleResults().map((r) => r.filePath.split(path.sep).join('/')));
    for (const item of sarif.results) {
      const location = item.locations[0].physicalLocation.artifactLocation;
      expect(location.uri).toBe(uris[location.index]);
      expect(location.uriBaseId).toBe('%SRCROOT%');
    }
  });

  it('carries a fix as a replacement of characters', () => {
    const sarif = run(formatSarif(sampleResults(), context()));
    const [fix] = sarif.results[0].fixes;
    expect(fix.artifactChanges[0].replacements).toEqual([{ deletedRegion: { charOffset: 40, charLength: 2 }, insertedContent: { text: '##' } }]);
    expect(sarif.results[1]).not.toHaveProperty('fixes');
  });
});
