/** What a report is fitted to when it does not go to a terminal (a pipe, a file, a CI log). */
export const DEFAULT_WIDTH = 80;

/** The columns a report written to a stream should fit: the terminal's width when it is one. */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number }): number {
  return stream.isTTY && stream.columns ? stream.columns : DEFAULT_WIDTH;
}
