/** "1 page", "3 pages": a number with its English noun, for messages and summaries. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
