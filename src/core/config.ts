import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument, LineCounter } from 'yaml';
import { z } from 'zod';
import type { DateFormat } from './dates.js';
import { ConfigError } from './errors.js';

export type RuleSeverity = 'off' | 'warn' | 'error';
export interface RuleSetting {
  severity?: RuleSeverity;
  options?: Record<string, unknown>;
}

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
  readability: { maxGrade: number };
  disclaimer: { text: string };
  types: Record<string, ArticleType>;
  defaultType: string;
  rules: Record<string, RuleSetting>;
  allowHtml: boolean;
}

export const CONFIG_NAMES = ['healthmd.config.yaml', 'healthmd.config.yml', 'healthmd.config.json'];

export const DEFAULT_DISCLAIMER =
  'This article is for general information only and is not a substitute for professional medical advice, diagnosis or treatment. Always ask your doctor or another qualified health professional about any questions you have about a medical condition.';

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
    readability: { maxGrade: 8 },
    disclaimer: { text: DEFAULT_DISCLAIMER },
    types: structuredClone(BUILT_IN_TYPES),
    defaultType: 'article',
    rules: {},
    allowHtml: false,
  };
}

const severity = z.enum(['off', 'warn', 'error']);
const relativeFolder = z
  .string()
  .min(1)
  .refine((value) => !value.includes('\0'), 'a folder path');

const schema = z
  .object({
    site: z
      .object({
        title: z.string(),
        baseUrl: z.string().url(),
        language: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'a BCP 47 language tag such as en-GB'),
        description: z.string(),
        dateFormat: z.union([z.enum(['full', 'long', 'medium', 'short']), z.record(z.string(), z.union([z.string(), z.boolean(), z.number()]))]),
      })
      .partial()
      .strict(),
    articlesDir: relativeFolder,
    outDir: relativeFolder,
    templatesDir: relativeFolder,
    pageSize: z.number().int().min(1).max(1000),
    excerptLength: z.number().int().min(0).max(10_000),
    review: z.object({ maxAgeMonths: z.number().int().min(1).max(240) }).partial().strict(),
    readability: z.object({ maxGrade: z.number().min(0).max(30) }).partial().strict(),
    disclaimer: z.object({ text: z.string().trim().min(1) }).partial().strict(),
    types: z.record(
      z.string().regex(/^[a-z][a-z0-9-]*$/, 'a lower-case type name'),
      z.object({ requiredSections: z.array(z.string().min(1)).default([]), medical: z.boolean().default(true) }).strict(),
    ),
    defaultType: z.string(),
    rules: z.record(
      z.string(),
      z.union([severity, z.object({ severity: severity.optional(), options: z.record(z.string(), z.unknown()).optional() }).strict()]),
    ),
    allowHtml: z.boolean(),
  })
  .partial()
  .strict();

/** Finds the config file: `--config FILE`, else the nearest healthmd.config.* from `cwd` upwards. */
export function findConfigFile(cwd: string, explicit?: string): string | undefined {
  if (explicit) {
    const file = path.resolve(cwd, explicit);
    if (!existsSync(file)) throw new ConfigError(`config file not found; check the --config path`, { file: explicit });
    return file;
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const name of CONFIG_NAMES) {
      const file = path.join(dir, name);
      if (existsSync(file)) return file;
    }
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
    throw new ConfigError(`cannot read the config file: ${(error as Error).message}`, { file: display, cause: error });
  }
  const { value, locate } = parseConfigText(text, file.endsWith('.json'), display);
  return resolveConfig(value, path.dirname(file), file, display, locate);
}

type Locate = (keyPath: PropertyKey[]) => { line: number; column: number } | undefined;

function parseConfigText(text: string, json: boolean, display: string): { value: unknown; locate: Locate } {
  if (json) {
    try {
      return { value: JSON.parse(text), locate: () => undefined };
    } catch (error) {
      throw new ConfigError(`invalid JSON: ${(error as Error).message}`, { file: display, cause: error });
    }
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: true, lineCounter: lines, merge: false });
  const error = doc.errors[0];
  if (error) {
    const { line, col } = lines.linePos(error.pos[0]);
    throw new ConfigError(`invalid YAML: ${error.message.split('\n')[0]}`, { file: display, line, column: col });
  }
  const locate: Locate = (keyPath) => {
    const node = doc.getIn(keyPath.map(String), true) as { range?: [number, number] } | undefined;
    const start = node?.range?.[0];
    if (start === undefined) return undefined;
    const { line, col } = lines.linePos(start);
    return { line, column: col };
  };
  return { value: doc.toJS({ maxAliasCount: 50 }) ?? {}, locate };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
  return issue.message;
}

/** Validates a parsed config value and merges it over the defaults. Exported for tests. */
export function resolveConfig(value: unknown, root: string, file?: string, display = file ?? 'config', locate: Locate = () => undefined): Config {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const keyPath = issue.path.length ? issue.path.join('.') : '(top level)';
    const place = locate(issue.path) ?? locate(issue.path.slice(0, -1));
    throw new ConfigError(`${keyPath}: ${describeIssue(issue)}`, { file: display, line: place?.line, column: place?.column });
  }
  const user = parsed.data;
  const config = defaultConfig(root);
  config.file = file;
  Object.assign(config.site, user.site);
  if (config.site.baseUrl && !config.site.baseUrl.endsWith('/')) config.site.baseUrl += '/';
  for (const key of ['articlesDir', 'outDir', 'templatesDir', 'pageSize', 'excerptLength', 'defaultType', 'allowHtml'] as const) {
    if (user[key] !== undefined) (config as unknown as Record<string, unknown>)[key] = user[key];
  }
  Object.assign(config.review, user.review);
  Object.assign(config.readability, user.readability);
  Object.assign(config.disclaimer, user.disclaimer);
  for (const [name, type] of Object.entries(user.types ?? {})) config.types[name] = type;
  for (const [id, setting] of Object.entries(user.rules ?? {})) config.rules[id] = typeof setting === 'string' ? { severity: setting } : setting;
  if (!config.types[config.defaultType]) {
    const place = locate(['defaultType']);
    throw new ConfigError(`defaultType: '${config.defaultType}' is not a type; expected one of ${Object.keys(config.types).join(', ')}`, {
      file: display,
      line: place?.line,
      column: place?.column,
    });
  }
  for (const key of ['articlesDir', 'outDir', 'templatesDir'] as const) {
    const resolved = path.resolve(root, config[key]);
    if (key !== 'templatesDir' && resolved === path.resolve(root)) {
      const place = locate([key]);
      throw new ConfigError(`${key}: must be a sub-folder of the project, not the project root`, { file: display, line: place?.line, column: place?.column });
    }
  }
  if (path.resolve(root, config.outDir) === path.resolve(root, config.articlesDir)) {
    throw new ConfigError('outDir: must differ from articlesDir', { file: display, ...locate(['outDir']) });
  }
  return config;
}

/** Absolute path of a config folder setting. */
export function projectPath(config: Config, key: 'articlesDir' | 'outDir' | 'templatesDir'): string {
  return path.resolve(config.root, config[key]);
}
