import { Chalk, type ChalkInstance } from 'chalk';
import type { ListedArticle } from './article-rows.js';
import { printable, textWidth, truncate } from './text-width.js';
import { count } from '../core/count.js';

export interface TableOptions {
  /**
   * Terminal width in cells; the table never exceeds it (unless it is too narrow for path, title and
   * review due). Infinity (not a terminal): every column, nothing cut.
   */
  width: number;
  color: boolean;
  /** A review due within this many days is "due soon". */
  soonDays: number;
}

type ColumnKey = 'path' | 'title' | 'type' | 'date' | 'reviewer' | 'reviewed' | 'due' | 'errors' | 'warnings';

interface ColumnSpec {
  header: string;
  text: (row: ListedArticle) => string;
  /** Flexible columns shrink to this many cells (with an ellipsis) before other columns are left out. */
  shrinkTo?: number;
  /** A flexible column grows to this many cells before optional columns are added. */
  comfortable?: number;
  /** Paths lose their start, so the file name stays visible. */
  cutStart?: boolean;
  alignRight?: boolean;
  paint?: (row: ListedArticle, text: string, c: ChalkInstance, soonDays: number) => string;
}

const GAP = '  ';

const COLUMNS: Record<ColumnKey, ColumnSpec> = {
  path: { header: 'PATH', text: (row) => row.path, shrinkTo: 16, comfortable: 28, cutStart: true },
  title: {
    header: 'TITLE',
    text: (row) => `${row.draft ? '[draft] ' : !row.published && !row.unparseable ? '[scheduled] ' : ''}${row.unparseable ? '(cannot be parsed)' : (row.title ?? '—')}`,
    shrinkTo: 20,
    comfortable: 32,
    paint: (row, text, c) => (row.unparseable ? c.red(text) : row.draft || !row.published ? c.dim(text) : text),
  },
  type: { header: 'TYPE', text: (row) => row.type, shrinkTo: 10 },
  date: { header: 'DATE', text: (row) => row.date ?? '—' },
  reviewer: { header: 'REVIEWER', text: (row) => row.reviewedBy ?? '—', shrinkTo: 12 },
  reviewed: { header: 'REVIEWED', text: (row) => row.lastReviewed ?? '—' },
  due: { header: 'REVIEW DUE', text: dueText, paint: paintDue },
  errors: { header: 'ERR', text: (row) => String(row.errors), alignRight: true, paint: (row, text, c) => (row.errors ? c.red(text) : c.dim(text)) },
  warnings: { header: 'WARN', text: (row) => String(row.warnings), alignRight: true, paint: (row, text, c) => (row.warnings ? c.yellow(text) : c.dim(text)) },
};

/** Left to right on screen. */
const DISPLAY: ColumnKey[] = ['path', 'title', 'type', 'date', 'reviewer', 'reviewed', 'due', 'errors', 'warnings'];
/** Most important first: columns further down are left out when the terminal is too narrow. */
const PRIORITY: ColumnKey[] = ['path', 'title', 'due', 'errors', 'warnings', 'date', 'type', 'reviewed', 'reviewer'];
/** Path, title and review due always show; errors and warnings next; the rest when there is room. */
const REQUIRED = 3;
const IMPORTANT = 5;
/** Titles and paths are never squeezed below this. */
const NARROWEST = 8;

/** "in 10 days", "overdue by 3 days", "never reviewed" (medical) or "—" (nothing to review). */
export function dueText(row: ListedArticle): string {
  if (row.unparseable) return '—';
  if (row.dueInDays === null) return row.medical ? 'never reviewed' : '—';
  if (row.dueInDays === 0) return 'due today';
  return row.dueInDays > 0 ? `in ${count(row.dueInDays, 'day')}` : `overdue by ${count(-row.dueInDays, 'day')}`;
}

function paintDue(row: ListedArticle, text: string, c: ChalkInstance, soonDays: number): string {
  if (row.unparseable || (row.dueInDays === null && !row.medical)) return c.dim(text);
  if (row.dueInDays === null || row.dueInDays < 0) return c.red(text);
  return row.dueInDays <= soonDays ? c.yellow(text) : text;
}

interface Column extends ColumnSpec {
  key: ColumnKey;
  cells: string[];
  natural: number;
  min: number;
  width: number;
}

/** Chooses the columns that fit `width` and how wide each is. */
function layout(rows: readonly ListedArticle[], width: number): Column[] {
  const all = PRIORITY.map((key): Column => {
    const spec = COLUMNS[key];
    const cells = rows.map((row) => printable(spec.text(row)));
    const natural = Math.max(textWidth(spec.header), ...cells.map(textWidth));
    const min = spec.shrinkTo ? Math.min(natural, Math.max(spec.shrinkTo, textWidth(spec.header))) : natural;
    return { ...spec, key, cells, natural, min, width: min };
  });
  const chosen = all.slice(0, REQUIRED);
  let spare = width - chosen.reduce((sum, column) => sum + column.min, 0) - GAP.length * (chosen.length - 1);
  const resize = (column: Column, to: number) => {
    const target = Math.max(Math.min(column.width, NARROWEST), Math.min(to, column.width + spare));
    spare -= target - column.width;
    column.width = target;
  };
  const add = (columns: Column[]) => {
    for (const column of columns) {
      if (GAP.length + column.min > spare) continue;
      chosen.push(column);
      spare -= GAP.length + column.min;
    }
  };
  // A very narrow terminal squeezes titles and paths further rather than overflow.
  for (const column of chosen) if (spare < 0 && column.shrinkTo) resize(column, column.width + spare);
  add(all.slice(REQUIRED, IMPORTANT));
  // Readable paths and titles matter more than the optional columns; what is left after those
  // lets paths and titles grow to their full length.
  for (const column of chosen) resize(column, Math.max(column.width, Math.min(column.natural, column.comfortable ?? 0)));
  add(all.slice(IMPORTANT));
  for (const column of chosen) resize(column, Math.max(column.width, column.natural));
  return chosen.sort((a, b) => DISPLAY.indexOf(a.key) - DISPLAY.indexOf(b.key));
}

/**
 * The `healthmd list` table: one line per article, fitted to the terminal width by leaving out the
 * least important columns and shortening titles and paths with an ellipsis. Pure.
 */
export function formatListTable(rows: readonly ListedArticle[], options: TableOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const columns = layout(rows, options.width);
  const line = (cells: string[]) => cells.join(GAP).trimEnd();
  const cell = (column: Column, text: string, paint: (text: string) => string, last: boolean) => {
    const cut = truncate(text, column.width, column.cutStart ? 'start' : 'end');
    const gap = ' '.repeat(Math.max(0, column.width - textWidth(cut)));
    if (column.alignRight) return gap + paint(cut);
    return last ? paint(cut) : paint(cut) + gap;
  };
  const lastIndex = columns.length - 1;
  const header = line(columns.map((column, i) => cell(column, column.header, (text) => c.bold(text), i === lastIndex)));
  const body = rows.map((row, r) =>
    line(columns.map((column, i) => cell(column, column.cells[r], (text) => (column.paint ? column.paint(row, text, c, options.soonDays) : text), i === lastIndex))),
  );
  return `${[header, ...body, '', summary(rows, options)].join('\n')}\n`;
}

/** "7 articles: 1 overdue, 1 never reviewed, 1 due within 30 days, 2 with errors". */
function summary(rows: readonly ListedArticle[], options: TableOptions): string {
  const tally = (test: (row: ListedArticle) => boolean) => rows.filter(test).length;
  const overdue = tally((row) => row.dueInDays !== null && row.dueInDays < 0);
  const never = tally((row) => !row.unparseable && row.medical && row.dueInDays === null);
  const soon = tally((row) => row.dueInDays !== null && row.dueInDays >= 0 && row.dueInDays <= options.soonDays);
  const withErrors = tally((row) => row.errors > 0);
  const parts = [
    overdue && `${overdue} overdue`,
    never && `${never} never reviewed`,
    soon && `${soon} due within ${count(options.soonDays, 'day')}`,
    withErrors && `${withErrors} with errors`,
  ].filter(Boolean);
  const text = `${count(rows.length, 'article')}${parts.length ? `: ${parts.join(', ')}` : ''}`;
  return truncate(text, options.width);
}
