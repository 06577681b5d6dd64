import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument, LineCounter, visit, type YAMLError } from 'yaml';
// zod/mini: the same validation as zod's chained API at a twentieth of the start-up cost.
import * as z from 'zod/mini';
import type { PathDefaults } from './adopt-front-matter.js';
import type { DateFormat } from './dates.js';
import { rules as registry } from '../rules/index.js';
import { closestMatch } from './closest-match.js';
import type { Severity } from './diagnostic.js';
import { ConfigError } from './errors.js';
import { JEKYLL_STYLES, PERMALINK_PLACEHOLDERS, unknownPlaceholders } from './permalinks.js';
import { BUILT_IN_STRINGS, STRING_KEYS, type StringKey, type StringsConfig } from './strings.js';
import { LANGUAGE_TAG } from './language-tag.js';
import { ioFailure } from './io-failure.js';

/** A rule's severity as users write it, in config and in `--rule` flags (`warn`, as ESLint's users write it). */
export type RuleSeverity = 'off' | 'warn' | 'error';

/**
 * The one crossing between the two vocabularies: config's `warn` is a finding's `warning`.
 * Everything inside (rules, findings, formatters) speaks `Severity`; only config and flags say `warn`.
 */
export function findingSeverity(setting: Exclude<RuleSeverity, 'off'>): Severity {
  return setting === 'warn' ? 'warning' : 'error';
}

/** A finding severity as config writes it (what `healthmd rules` shows, to copy into config). */
export function settingOf(severity: Severity): Exclude<RuleSeverity, 'off'> {
  return severity === 'warning' ? 'warn' : 'error';
}
export interface RuleSetting {
  severity?: RuleSeverity;
  options?: Record<string, unknown>;
}

/**
 * How raw HTML in an article is published: `sanitize` keeps GitHub's allowlist of elements and
 * attributes, `text` removes every tag. Both keep the words a reader would have seen.
 */
export const HTML_MODES = ['sanitize', 'text'] as const;
export type HtmlMode = (typeof HTML_MODES)[number];

export interface ArticleType {
  requiredSections: string[];
  medical: boolean;
}

/** The settings every command works with: embedded defaults, then the config file, then flags. */
export interface Config {
  /** The project root: the folder of the config file, or the working directory. */
  root: string;
  /** The config file that was read, if any. */
  file?: string;
  site: { title: string; baseUrl: string; language: string; description: string; dateFormat: DateFormat };
  articlesDir: string;
  outDir: string;
  templatesDir: string;
  pageSize: number;
  excerptLength: number;
  review: { maxAgeMonths: number };
  /** `maxGrade`: Flesch–Kincaid grade for English; `minInflesz`: INFLESZ score (0–100, higher is easier) for Spanish. */
  readability: { maxGrade: number; minInflesz: number };
  disclaimer: { text: string };
  types: Record<string, ArticleType>;
  defaultType: string;
  rules: Record<string, RuleSetting>;
  html: HtmlMode;
  /** URL patterns the site used before (`/:title/`): site-root links written for it still find their page. */
  permalinks: string[];
  /** Front-matter values by path, as Jekyll's `defaults` and Hugo's `cascade` (front matter wins). */
  defaults: PathDefaults[];
  /** `aliases`: canonical key -> the other names it is read from (`description: [meta-description]`). */
  frontMatter: { aliases: Record<string, string[]> };
  /** Page strings by language tag, over the built-in English and Spanish ones. */
  strings: StringsConfig;
}

export const CONFIG_NAMES = ['healthmd.config.yaml', 'healthmd.config.yml', 'healthmd.config.json'];

export const DEFAULT_DISCLAIMER: string = BUILT_IN_STRINGS.en.disclaimer_text;

export const BUILT_IN_TYPES: Record<string, ArticleType> = {
  condition: { requiredSections: ['Symptoms', 'Causes', 'Treatment', 'When to See a Doctor', 'Sources', 'Disclaimer'], medical: true },
  treatment: { requiredSections: ['Risks', 'Sources', 'Disclaimer'], medical: true },
  article: { requiredSections: ['Sources', 'Disclaimer'], medical: true },
};

export function defaultConfig(root: string): Config {
  return {
    root,
    site: { title: 'Health articles', baseUrl: 'http://localhost:4000/', language: 'en-GB', description: '', dateFormat: 'long' },
    articlesDir: 'articles',
    outDir: 'public',
    templatesDir: 'templates',
    pageSize: 10,
    excerptLength: 160,
    review: { maxAgeMonths: 12 },
    readability: { maxGrade: 8, minInflesz: 55 },
    disclaimer: { text: DEFAULT_DISCLAIMER },
    types: structuredClone(BUILT_IN_TYPES),
    defaultType: 'article',
    rules: {},
    html: 'sanitize',
    permalinks: [],
    defaults: [],
    frontMatter: { aliases: {} },
    strings: {},
  };
}

const severity = z.enum(['off', 'warn', 'error']);
const folder = z.string().check(
  z.minLength(1, 'a folder path'),
  z.refine((value) => !value.includes('\0'), 'a folder path'),
);
const permalink = z.string().check(
  z.refine(
    (value) => (value.startsWith('/') || value in JEKYLL_STYLES) && unknownPlaceholders(value).length === 0,
    `a URL pattern starting with / such as /:year/:month/:day/:title/ (placeholders: ${PERMALINK_PLACEHOLDERS.map((p) => `:${p}`).join(', ')}) or a Jekyll style (${Object.keys(JEKYLL_STYLES).join(', ')})`,
  ),
);
// One name where a list is allowed is a list of one (`match: glossary/**`, `description: meta-description`).
const oneOrMany = (item: z.ZodMiniType<string>) => z.pipe(z.transform((value: unknown) => (typeof value === 'string' ? [value] : value)), z.array(item));
const glob = z.string().check(z.minLength(1, 'a path glob such as glossary/**'));
const keyName = z.string().check(z.regex(/^[A-Za-z_][\w-]*$/, 'a front-matter key name'));
const languageTag = z.string().check(z.regex(LANGUAGE_TAG, 'a BCP 47 language tag such as en-GB'));
const pageStringsSchema = z.partial(z.strictObject(Object.fromEntries(STRING_KEYS.map((key) => [key, z.string()])) as Record<StringKey, z.ZodMiniString>));
const wholeNumber = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));

/**
 * `rules`: a known rule id -> a severity, or `{severity, options}` with the options that rule's own
 * schema declares (src/rules/<id>.ts), so a misspelt or wrong-typed option is refused here, at its line.
 */
const ruleSettings = z.partial(
  z.strictObject(
    Object.fromEntries(
      registry.map((rule) => [rule.id, z.union([severity, z.strictObject({ severity: z.optional(severity), options: z.optional(rule.options ?? z.strictObject({})) })])]),
    ),
  ),
);

const schema = z.partial(
  z.strictObject({
    site: z.partial(
      z.strictObject({
        title: z.string(),
        baseUrl: z.url({ protocol: /^https?$/, error: 'an http(s) URL such as https://example.org/' }),
        language: languageTag,
        description: z.string(),
        dateFormat: z.union([z.enum(['full', 'long', 'medium', 'short']), z.record(z.string(), z.union([z.string(), z.boolean(), z.number()]))]),
      }),
    ),
    articlesDir: folder,
    outDir: folder,
    templatesDir: folder,
    pageSize: wholeNumber(1, 1000),
    excerptLength: wholeNumber(0, 10_000),
    review: z.partial(z.strictObject({ maxAgeMonths: wholeNumber(1, 240) })),
    readability: z.partial(z.strictObject({ maxGrade: z.number().check(z.gte(0), z.lte(30)), minInflesz: z.number().check(z.gte(0), z.lte(100)) })),
    disclaimer: z.partial(z.strictObject({ text: z.string().check(z.trim(), z.minLength(1, 'a non-empty text')) })),
    types: z.record(
      z.string().check(z.regex(/^[a-z][a-z0-9-]*$/, 'a lower-case type name')),
      z.strictObject({ requiredSections: z._default(z.array(z.string().check(z.minLength(1))), []), medical: z._default(z.boolean(), true) }),
    ),
    defaultType: z.string(),
    rules: ruleSettings,
    html: z.enum(HTML_MODES),
    // Before `html` there was `allowHtml: true`, which meant what `sanitize` (the default) means now.
    allowHtml: z.literal(true),
    permalinks: z.union([permalink, z.array(permalink)]),
    defaults: z.array(z.strictObject({ match: oneOrMany(glob), values: z.record(keyName, z.unknown()) })),
    frontMatter: z.partial(z.strictObject({ aliases: z.record(keyName, oneOrMany(keyName)) })),
    strings: z.record(languageTag, pageStringsSchema),
  }),
);

/** Finds the config file: `--config FILE`, else the nearest healthmd.config.* from `cwd` upwards. */
export function findConfigFile(cwd: string, explicit?: string): string | undefined {
  if (explicit) {
    const file = path.resolve(cwd, explicit);
    if (!existsSync(file)) throw new ConfigError(`config file not found; check the --config path`, { file: explicit });
    return file;
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const found = CONFIG_NAMES.filter((name) => existsSync(path.join(dir, name)));
    // Reading one would leave edits to the other without effect, and nothing would say so.
    if (found.length > 1) {
      const where = path.relative(cwd, dir);
      const shown = found.map((name) => path.join(where, name));
      throw new ConfigError(`two config files in one folder: ${shown.join(' and ')}; healthmd reads one, so keep one (move the other's settings into it and delete it), or name one with --config`);
    }
    if (found.length) return path.join(dir, found[0]);
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Loads, validates and merges the configuration over the embedded defaults. The one place settings merge. */
export function loadConfig(cwd: string, explicit?: string): Config {
  const file = findConfigFile(cwd, explicit);
  if (!file) return defaultConfig(path.resolve(cwd));
  const display = path.relative(cwd, file) || path.basename(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read the config file: ${ioFailure(error)}`, { file: display, cause: error });
  }
  const { value, locate } = parseConfigText(text, file.endsWith('.json'), display);
  return resolveConfig(value, path.dirname(file), file, display, locate);
}

type Locate = (keyPath: readonly PropertyKey[]) => { line: number; column: number } | undefined;

function parseConfigText(text: string, json: boolean, display: string): { value: unknown; locate: Locate } {
  if (json) {
    try {
      return { value: JSON.parse(text), locate: () => undefined };
    } catch (error) {
      throw new ConfigError(`invalid JSON: ${(error as Error).message}`, { file: display, cause: error });
    }
  }
  const lines = new LineCounter();
  // prettyErrors off: the message says what is wrong, and the place is said once, as file:line:column.
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: true, lineCounter: lines, merge: false, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const { message, offset } = yamlProblem(error, text);
    const { line, col } = lines.linePos(offset);
    throw new ConfigError(`invalid YAML: ${message}`, { file: display, line, column: col, cause: error });
  }
  const locate: Locate = (keyPath) => {
    const node = doc.getIn(keyPath.map(String), true) as { range?: [number, number] } | undefined;
    const start = node?.range?.[0];
    if (start === undefined) return undefined;
    const { line, col } = lines.linePos(start);
    return { line, column: col };
  };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    // An alias whose anchor is not set before it, or one that expands too far.
    let alias: number | undefined;
    visit(doc, { Alias: (_, node) => ((alias = node.range?.[0]), visit.BREAK) });
    const place = alias === undefined ? undefined : lines.linePos(alias);
    throw new ConfigError(`invalid YAML: ${(error as Error).message}; write the value out instead of the alias`, { file: display, line: place?.line, column: place?.col, cause: error });
  }
  return { value: value ?? {}, locate };
}

/** What a YAML error means in a config file and what to do about it, at the place to do it. */
function yamlProblem(error: YAMLError, text: string): { message: string; offset: number } {
  const offset = error.pos[0];
  switch (error.code) {
    case 'MISSING_CHAR': {
      const quote = /"/.test(error.message) ? '"' : /'/.test(error.message) ? "'" : undefined;
      if (!quote) break;
      // The parser stops where the text ends; the value to fix is the last one that opened with this quote.
      const opening = [...text.slice(0, offset).matchAll(quote === '"' ? /(?:^|[:-][ \t]+)(")/gm : /(?:^|[:-][ \t]+)(')/gm)].at(-1);
      const at = opening ? opening.index + opening[0].length - 1 : offset;
      return { message: `the ${quote === '"' ? 'double' : 'single'}-quoted value that opens here is never closed; add the closing ${quote}`, offset: at };
    }
    case 'TAB_AS_INDENT':
      return { message: 'tabs are not allowed as indentation; indent with spaces', offset };
    case 'DUPLICATE_KEY': {
      const key = /^(["']?)([^\n:]*?)\1\s*:/.exec(text.slice(offset))?.[2];
      return { message: `${key === undefined ? 'a key' : `'${key}'`} is set twice${key === undefined ? '' : earlierLine(text, offset, key)}; keep one`, offset };
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return { message: "a value holds ': ' or the line after it is indented under it; put the value in quotes, or line its keys up under each other", offset };
  }
  const reason = error.message.split('\n')[0];
  return { message: `${reason.charAt(0).toLowerCase()}${reason.slice(1)}; fix the YAML here (indent with spaces, line up the keys of one block, quote a value that holds ': ')`, offset };
}

/**
 * ` (also on line N)`: where the same key was set before in the same block, which is the last line
 * before it that holds that key at the same indent (a block's keys line up; deeper ones belong to
 * its values).
 */
function earlierLine(text: string, offset: number, key: string): string {
  const indent = offset - (text.lastIndexOf('\n', offset - 1) + 1);
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const earlier = [...text.slice(0, offset).matchAll(new RegExp(`^ {${indent}}(["']?)${escaped}\\1[ \\t]*:`, 'gm'))].at(-1);
  return earlier ? ` (also on line ${text.slice(0, earlier.index).split('\n').length})` : '';
}

function kindOf(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `text ${JSON.stringify(value)}`;
  if (typeof value === 'object') return 'a set of keys';
  return `${typeof value === 'number' ? 'the number' : typeof value} ${String(value)}`;
}

const EXPECTED: Record<string, string> = { string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', object: 'a set of keys', record: 'a set of keys', array: 'a list' };

/** Says what was expected, in the words of the config file (zod/mini carries no English messages). */
function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const value = issue.path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), input);
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${value === undefined ? 'nothing' : kindOf(value)}`;
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array' ? `expected ${issue.message !== 'Invalid input' ? issue.message : 'a value'}, got ${kindOf(value)}` : `expected at least ${issue.minimum}, got ${kindOf(value)}`;
    case 'too_big':
      return `expected at most ${issue.maximum}, got ${kindOf(value)}`;
    case 'invalid_value':
      if (issue.path[0] === 'allowHtml') return `replaced by html: write \`html: text\` to publish raw HTML's words without its tags, or remove the key (raw HTML is sanitized by default)`;
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${kindOf(value)}`;
    case 'invalid_union':
      if (issue.path[0] === 'permalinks') return `expected a URL pattern such as /:title/, or a list of them, got ${kindOf(value)}`;
      return `expected ${issue.path[0] === 'rules' ? 'off, warn, error or {severity, options}' : 'full, long, medium, short or Intl.DateTimeFormat options'}, got ${kindOf(value)}`;
    case 'invalid_key':
      return `'${String(issue.path.at(-1))}' is not ${issue.issues[0]?.message ?? 'a valid name'}`;
    default:
      return `expected ${issue.message}, got ${kindOf(value)}`;
  }
}

/** One thing wrong with the config, at its key path. */
interface KeyProblem {
  at: readonly PropertyKey[];
  message: string;
}

/** The schema's issues as problems, one per wrong key. An unknown-keys issue names several keys at once: each is its own problem. */
function schemaProblems(issues: readonly z.core.$ZodIssue[], input: unknown): KeyProblem[] {
  const keyPath = (at: readonly PropertyKey[]) => (at.length ? at.join('.') : '(top level)');
  return issues
    .flatMap((issue) => ruleSettingIssues(issue, input))
    .flatMap((issue) => {
      if (issue.code !== 'unrecognized_keys') return [{ at: issue.path, message: `${keyPath(issue.path)}: ${describeIssue(issue, input)}` }];
      return issue.keys.map((key) => ({ at: [...issue.path, key], message: `${keyPath([...issue.path, key])}: ${unknownKey(key, issue.path)}` }));
    });
}

/**
 * What only several keys together can show (the default type among the types, the folders among
 * each other), read from the config as written, so that these are named in the same run as a
 * misspelt key elsewhere. A key of the wrong kind is the schema's to name, so it is skipped here.
 */
function crossKeyProblems(input: unknown, root: string): KeyProblem[] {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return [];
  const given = input as Record<string, unknown>;
  const defaults = defaultConfig(root);
  const problems: KeyProblem[] = [];
  const types = given.types && typeof given.types === 'object' && !Array.isArray(given.types) ? Object.keys(given.types) : [];
  const typeNames = [...new Set([...Object.keys(defaults.types), ...types])];
  if (typeof given.defaultType === 'string' && !typeNames.includes(given.defaultType)) {
    problems.push({ at: ['defaultType'], message: `defaultType: '${given.defaultType}' is not a type; expected one of ${typeNames.join(', ')}` });
  }
  const folder = (key: 'articlesDir' | 'outDir') => {
    const value = given[key];
    return typeof value === 'string' && value !== '' && !value.includes('\0') ? path.resolve(root, value) : undefined;
  };
  const articles = folder('articlesDir');
  const out = folder('outDir');
  for (const [key, resolved] of [['articlesDir', articles], ['outDir', out]] as const) {
    if (resolved === path.resolve(root)) problems.push({ at: [key], message: `${key}: must be a sub-folder of the project, not the project root` });
  }
  const articlesFolder = articles ?? path.resolve(root, defaults.articlesDir);
  const outFolder = out ?? path.resolve(root, defaults.outDir);
  if ((articles || out) && articlesFolder === outFolder && outFolder !== path.resolve(root)) {
    problems.push({ at: [out ? 'outDir' : 'articlesDir'], message: `${out ? 'outDir' : 'articlesDir'}: must differ from ${out ? 'articlesDir' : 'outDir'}` });
  }
  return problems;
}

/** One error naming every wrong key, in file order, each with its place and what was expected. */
function invalidConfig(found: readonly KeyProblem[], input: unknown, display: string, locate: Locate): ConfigError {
  const rank = fileOrder(input);
  const problems = found
    .map((problem, index) => ({ ...problem, index, place: locate(problem.at) ?? locate(problem.at.slice(0, -1)) }))
    .sort((a, b) => rank(a.at) - rank(b.at) || a.index - b.index)
    .map(({ message, place }) => ({ message, line: place?.line, column: place?.column }));
  return new ConfigError(problems[0].message, { file: display, line: problems[0].line, column: problems[0].column, problems });
}

/**
 * A rule written as `{severity, options}` fails the severity branch of its union too; what is wrong
 * is inside the set of keys, so its own issues are the ones to name (`rules.x.options.maxAgeMonths`).
 */
function ruleSettingIssues(issue: z.core.$ZodIssue, input: unknown): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || issue.path[0] !== 'rules' || issue.path.length !== 2) return [issue];
  const value = (input as { rules: Record<string, unknown> }).rules[String(issue.path[1])];
  const keysBranch = issue.errors[1];
  if (!value || typeof value !== 'object' || Array.isArray(value) || !keysBranch) return [issue];
  return keysBranch.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as z.core.$ZodIssue);
}

/** Where a key path stands in the config as written: YAML and JSON objects keep their keys in file order. */
function fileOrder(input: unknown): (keyPath: readonly PropertyKey[]) => number {
  const ranks = new Map<string, number>();
  const visit = (node: unknown, prefix: string) => {
    if (!node || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      const name = `${prefix}\0${key}`;
      ranks.set(name, ranks.size);
      visit(child, name);
    }
  };
  visit(input, '');
  return (keyPath) => {
    // A key the input lacks (a missing value) stands where its nearest written parent does.
    for (let depth = keyPath.length; depth > 0; depth--) {
      const rank = ranks.get(keyPath.slice(0, depth).map((key) => `\0${String(key)}`).join(''));
      if (rank !== undefined) return rank;
    }
    return -1;
  };
}

/** "unknown key" (or rule, or option), with the name it most likely meant, else the names that level takes. */
function unknownKey(key: string, parent: readonly PropertyKey[]): string {
  const known = knownKeys(schema, parent).filter((name) => name !== 'allowHtml');
  const what = parent.length === 1 && parent[0] === 'rules' ? 'rule' : parent[0] === 'rules' && parent.at(-1) === 'options' ? 'option' : 'key';
  const near = closestMatch(key, known);
  if (near) return `unknown ${what}; did you mean ${what === 'key' ? `'${near}'` : near}?`;
  if (what === 'option' && known.length === 0) return `unknown option; ${String(parent[1])} takes no options`;
  if (what === 'rule') return "unknown rule; 'healthmd rules' lists them";
  return known.length ? `unknown ${what}; expected one of ${known.join(', ')}` : `unknown ${what}`;
}

/** The keys the schema takes at `keyPath` (a record's entries take any name, so none are listed). */
function knownKeys(node: z.core.$ZodType, keyPath: readonly PropertyKey[]): string[] {
  const def = node._zod.def as { type: string; innerType?: z.core.$ZodType; shape?: Record<string, z.core.$ZodType>; valueType?: z.core.$ZodType; element?: z.core.$ZodType; options?: z.core.$ZodType[] };
  if ((def.type === 'optional' || def.type === 'default' || def.type === 'nonoptional' || def.type === 'prefault') && def.innerType) return knownKeys(def.innerType, keyPath);
  if (def.type === 'array' && def.element) return keyPath.length ? knownKeys(def.element, keyPath.slice(1)) : [];
  if (def.type === 'union' && def.options) return def.options.flatMap((option) => knownKeys(option, keyPath));
  if (def.type === 'record' && def.valueType) return keyPath.length ? knownKeys(def.valueType, keyPath.slice(1)) : [];
  if (def.type !== 'object' || !def.shape) return [];
  if (!keyPath.length) return Object.keys(def.shape);
  const child = def.shape[String(keyPath[0])];
  return child ? knownKeys(child, keyPath.slice(1)) : [];
}

/** Validates a parsed config value and merges it over the defaults. Exported for tests. */
export function resolveConfig(value: unknown, root: string, file?: string, display = file ?? 'config', locate: Locate = () => undefined): Config {
  const input = value ?? {};
  const parsed = schema.safeParse(input);
  const problems = [...(parsed.success ? [] : schemaProblems(parsed.error.issues, input)), ...crossKeyProblems(input, root)];
  if (!parsed.success || problems.length) throw invalidConfig(problems, input, display, locate);
  const user = parsed.data;
  const config = defaultConfig(root);
  config.file = file;
  Object.assign(config.site, user.site);
  if (config.site.baseUrl && !config.site.baseUrl.endsWith('/')) config.site.baseUrl += '/';
  for (const key of ['articlesDir', 'outDir', 'templatesDir', 'pageSize', 'excerptLength', 'defaultType', 'html'] as const) {
    if (user[key] !== undefined) (config as unknown as Record<string, unknown>)[key] = user[key];
  }
  if (user.defaults !== undefined) config.defaults = user.defaults as PathDefaults[];
  if (user.frontMatter?.aliases !== undefined) config.frontMatter.aliases = user.frontMatter.aliases as Record<string, string[]>;
  if (user.strings !== undefined) config.strings = user.strings as StringsConfig;
  if (user.permalinks !== undefined) config.permalinks = typeof user.permalinks === 'string' ? [user.permalinks] : user.permalinks;
  Object.assign(config.review, user.review);
  Object.assign(config.readability, user.readability);
  Object.assign(config.disclaimer, user.disclaimer);
  for (const [name, type] of Object.entries(user.types ?? {})) config.types[name] = type;
  for (const [id, setting] of Object.entries(user.rules ?? {})) if (setting) config.rules[id] = typeof setting === 'string' ? { severity: setting } : setting;
  return config;
}

/** Absolute path of a config folder setting. */
export function projectPath(config: Config, key: 'articlesDir' | 'outDir' | 'templatesDir'): string {
  return path.resolve(config.root, config[key]);
}
