/** What a report is fitted to when it does not go to a terminal (a pipe, a file, a CI log). */
export const DEFAULT_WIDTH = 80;

/**
 * How many cells wide output meant for a person may be: on a terminal, `COLUMNS` when set (as GNU
 * ls and git read it), else the terminal's own width, else 80. Undefined when the stream is not a
 * terminal: a pipe, a file or a CI log has no width, so nothing is cut or left out.
 */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number }, env: NodeJS.ProcessEnv): number | undefined {
  if (!stream.isTTY) return undefined;
  const columns = Number(env.COLUMNS);
  if (Number.isInteger(columns) && columns > 0) return columns;
  return stream.columns || DEFAULT_WIDTH;
}
