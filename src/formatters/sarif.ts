import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../core/diagnostic.js';
import { HOMEPAGE } from '../core/rule-docs.js';
import type { Rule } from '../rules/types.js';
import { displayPath, type FormatContext, type Formatter } from './types.js';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

/**
 * SARIF 2.1.0, as GitHub code scanning and other dashboards read it. File locations are relative to
 * `%SRCROOT%` (the working directory) so the report stays valid when the checkout moves.
 */
export const formatSarif: Formatter = (results, context) => {
  const ruleIndex = new Map(context.rules.map((rule, index) => [rule.id, index]));
  const artifacts = results.map((result) => ({ location: { uri: relativeUri(displayPath(result.filePath, context.cwd)), uriBaseId: SRCROOT } }));
  const sarifResults = results.flatMap((result, index) =>
    result.messages.map((message) => sarifResult(message, { uri: artifacts[index].location.uri, uriBaseId: SRCROOT, index }, ruleIndex.get(message.ruleId))),
  );
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'healthmd',
            version: context.version,
            informationUri: HOMEPAGE,
            rules: context.rules.map((rule) => reportingDescriptor(rule, context)),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(context.cwd) } },
        // Columns count UTF-16 code units, as JavaScript strings do (also SARIF's default; stated for readers).
        columnKind: 'utf16CodeUnits',
        artifacts,
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

interface ArtifactLocation {
  uri: string;
  uriBaseId: string;
  index: number;
}

/**
 * A rule as code scanning shows it: its documentation travels in `help` (what GitHub displays for a
 * rule), and `helpUri` is given only where the package has a public address: a path on the machine
 * that ran lint would be a dead link wherever the report is read.
 */
function reportingDescriptor(rule: Rule, context: FormatContext) {
  const help = context.ruleHelp?.[rule.id];
  const helpUri = context.ruleUrl?.(rule.id);
  return {
    id: rule.id,
    shortDescription: { text: rule.description || rule.id },
    ...(helpUri ? { helpUri } : {}),
    ...(help ? { help: { text: help.text, markdown: help.markdown } } : {}),
    defaultConfiguration: { level: rule.severity },
    properties: { fixable: Boolean(rule.fixable), fatal: Boolean(rule.fatal) },
  };
}

function sarifResult(message: Diagnostic, artifactLocation: ArtifactLocation, ruleIndex: number | undefined) {
  return {
    ruleId: message.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: message.severity,
    message: { text: message.message },
    locations: [{ physicalLocation: { artifactLocation, region: region(message) } }],
    ...(message.fix
      ? {
          fixes: [
            {
              artifactChanges: [
                {
                  artifactLocation,
                  replacements: [
                    {
                      deletedRegion: { charOffset: message.fix.range[0], charLength: message.fix.range[1] - message.fix.range[0] },
                      insertedContent: { text: message.fix.text },
                    },
                  ],
                },
              ],
            },
          ],
        }
      : {}),
  };
}

// SARIF positions start at 1; a finding about the whole file may say 0, which the schema refuses.
function region(message: Diagnostic) {
  const startLine = Math.max(1, message.line);
  const startColumn = Math.max(1, message.column);
  const endLine = message.endLine === undefined ? undefined : Math.max(startLine, message.endLine);
  return {
    startLine,
    startColumn,
    ...(endLine === undefined ? {} : { endLine }),
    ...(message.endColumn === undefined ? {} : { endColumn: Math.max(1, message.endColumn) }),
  };
}

/** A relative URI reference for a forward-slash path: each segment percent-encoded (spaces, `#`, `?`, `:`, non-ASCII). */
function relativeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/** `file:///…/` with the trailing slash SARIF requires of a base URI. */
function directoryUri(directory: string): string {
  const href = pathToFileURL(directory).href;
  return href.endsWith('/') ? href : `${href}/`;
}
