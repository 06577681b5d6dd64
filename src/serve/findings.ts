import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { HealthmdError } from '../core/errors.js';
import type { OverlayFinding } from './overlay.js';

/** Lint findings of one file as the panel lists them. */
export function lintFindings(diagnostics: readonly Diagnostic[], file: string): OverlayFinding[] {
  return diagnostics.map((d) => ({ source: d.ruleId, severity: d.severity, file, line: d.line, column: d.column, message: d.message }));
}

/** A failure outside the lint rules (a template, the config, a missing folder), named by its file and place. */
export function errorFinding(error: unknown, source: string, display: (file: string) => string, fallbackFile: string): OverlayFinding {
  if (error instanceof HealthmdError) {
    const file = error.file ? (path.isAbsolute(error.file) ? display(error.file) : error.file) : fallbackFile;
    return { source, severity: 'error', file, line: error.line, column: error.column, message: error.message };
  }
  return { source, severity: 'error', file: fallbackFile, message: error instanceof Error ? error.message : String(error) };
}
