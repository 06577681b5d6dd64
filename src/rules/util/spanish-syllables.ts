/**
 * Syllables of a Spanish word, counted as its vowel nuclei. Two vowels side by side share a
 * syllable (a diphthong) unless both are open (a, e, o: "le-o") or one of them is a close vowel
 * carrying the accent (í, ú: "pa-ís", "re-ú-ne"), which makes a hiatus; a close pair (iu, ui:
 * "ciu-dad") is one. A final y after a vowel closes a diphthong ("hoy", "Uruguay"); the u of
 * que/qui/gue/gui is silent and already falls inside its syllable. A word without vowels ("y"
 * aside) counts as one, as the English counter does.
 */
export function spanishSyllables(word: string): number {
  const text = word.toLowerCase().normalize('NFC');
  let count = 0;
  let previous: 'open' | 'close' | 'stressed-close' | undefined;
  let previousChar = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    let kind = vowelKind(char);
    if (char === 'y') {
      // y is a vowel alone ("y") or closing a diphthong at the end ("hoy", "muy"), a consonant elsewhere ("yo", "mayo").
      const atEnd = i === text.length - 1 || !isLetter(text[i + 1]);
      kind = atEnd && (previous !== undefined || i === 0) ? 'close' : undefined;
    }
    if (kind === undefined) {
      previous = undefined;
      previousChar = char;
      continue;
    }
    if (previous === undefined || isHiatus(previous, kind, previousChar, char)) count++;
    previous = kind;
    previousChar = char;
  }
  return Math.max(1, count);
}

function vowelKind(char: string): 'open' | 'close' | 'stressed-close' | undefined {
  switch (char) {
    case 'a':
    case 'e':
    case 'o':
    case 'á':
    case 'é':
    case 'ó':
      return 'open';
    case 'i':
    case 'u':
    case 'ü':
      return 'close';
    case 'í':
    case 'ú':
      return 'stressed-close';
    default:
      return undefined;
  }
}

function isHiatus(a: 'open' | 'close' | 'stressed-close', b: 'open' | 'close' | 'stressed-close', charA: string, charB: string): boolean {
  if (a === 'open' && b === 'open') return true;
  if ((a === 'stressed-close' && b !== 'close') || (b === 'stressed-close' && a !== 'close')) return true;
  // The same close vowel twice ("chiita") is two syllables; two different ones ("ciudad", "muy") one.
  return a === 'close' && b === 'close' && charA === charB;
}

function isLetter(char: string): boolean {
  return /\p{L}/u.test(char);
}
