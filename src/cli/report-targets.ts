import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { HealthmdError, UsageError } from '../core/errors.js';
import { FORMAT_NAMES, type FormatName } from '../formatters/index.js';
import { ioFailure } from '../core/io-failure.js';

/** One report a lint run writes: a format, and the file it goes to (standard output without one). */
export interface ReportTarget {
  format: FormatName;
  file?: string;
}

/**
 * Reads one `--format` value: `NAME` or `NAME:FILE` (repeatable, so one run can write annotations
 * to the log and SARIF to a file). The name is split at the first colon only, so `sarif:C:\x.sarif` works.
 */
export function parseFormatFlag(value: string, previous: ReportTarget[] = []): ReportTarget[] {
  const colon = value.indexOf(':');
  const name = colon === -1 ? value : value.slice(0, colon);
  const file = colon === -1 ? undefined : value.slice(colon + 1);
  if (!(FORMAT_NAMES as string[]).includes(name)) {
    throw new UsageError(`--format ${value}: unknown format '${name}'; choose one of ${FORMAT_NAMES.join(', ')} (NAME:FILE writes it to a file)`);
  }
  if (file === '') throw new UsageError(`--format ${value}: the file after ':' is missing, e.g. --format ${name}:healthmd-report`);
  return [...previous, { format: name as FormatName, file }];
}

/**
 * The reports to write: the `--format`s given (stylish when none), with `--output FILE` taken by the
 * one that names no file of its own, as `--format json --output FILE` always did. At most one report
 * goes to standard output, and no two to one file: either would leave an unreadable mix.
 */
export function reportTargets(formats: readonly ReportTarget[] | undefined, output: string | undefined, cwd: string): ReportTarget[] {
  let targets = formats?.length ? [...formats] : [{ format: 'stylish' as const }];
  const unnamed = targets.filter((target) => target.file === undefined);
  if (output !== undefined) {
    if (unnamed.length !== 1) {
      throw new UsageError(`--output ${output}: it goes with one --format that names no file; with several, write each as --format NAME:FILE`);
    }
    targets = targets.map((target) => (target.file === undefined ? { ...target, file: output } : target));
  } else if (unnamed.length > 1) {
    const names = unnamed.map((target) => target.format).join(', ');
    throw new UsageError(`--format ${names}: only one report can go to standard output; write the others to files with --format NAME:FILE`);
  }
  const seen = new Map<string, ReportTarget>();
  for (const target of targets) {
    if (target.file === undefined) continue;
    const absolute = path.resolve(cwd, target.file);
    const earlier = seen.get(absolute);
    if (earlier) throw new UsageError(`--format ${earlier.format} and ${target.format} both write ${target.file}; give each its own file`);
    seen.set(absolute, target);
  }
  return targets;
}

/** Writes a report to its file (folders created), or fails with exit 2 naming the file. */
export function writeReport(file: string, report: string, cwd: string): void {
  const target = path.resolve(cwd, file);
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, report);
  } catch (error) {
    throw new HealthmdError(`cannot write the report: ${ioFailure(error, { elsewhere: '--output' })}`, { file, cause: error });
  }
}
