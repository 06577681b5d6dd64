import { createHash } from 'node:crypto';
import type { Diagnostic } from '../core/diagnostic.js';
import { displayPath, type Formatter } from './types.js';

/**
 * GitLab Code Quality: a JSON array of issues that a merge request's widget and diff show
 * (`artifacts: reports: codequality`). https://docs.gitlab.com/ci/testing/code_quality/
 */
export const formatGitlab: Formatter = (results, context) => {
  const issues = results.flatMap((result) => {
    const file = displayPath(result.filePath, context.cwd);
    const seen = new Map<string, number>();
    return result.messages.map((message) => {
      const identity = JSON.stringify([file, message.ruleId, message.message]);
      const occurrence = (seen.get(identity) ?? 0) + 1;
      seen.set(identity, occurrence);
      return issue(file, message, fingerprint(identity, occurrence));
    });
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
};

function issue(file: string, message: Diagnostic, fingerprint: string) {
  // GitLab counts lines from 1; a finding about the whole file may say 0.
  const begin = Math.max(1, message.line);
  return {
    description: message.message,
    check_name: message.ruleId,
    fingerprint,
    severity: message.fatal ? 'blocker' : message.severity === 'error' ? 'major' : 'minor',
    location: {
      path: file,
      lines: { begin, ...(message.endLine === undefined ? {} : { end: Math.max(begin, message.endLine) }) },
    },
  };
}

/**
 * GitLab compares the fingerprints of the base and the merge request to tell new findings from
 * fixed ones, so the line is left out: an edit above a finding does not make it "new". The
 * occurrence keeps two identical findings in one file apart.
 */
function fingerprint(identity: string, occurrence: number): string {
  return createHash('sha256').update(`${identity}#${occurrence}`).digest('hex').slice(0, 32);
}
