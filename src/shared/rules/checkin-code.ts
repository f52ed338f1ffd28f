/**
 * The 6-character check-in code a resident can type instead of scanning. Its alphabet leaves out characters that
 * look alike on a screen or in handwriting (0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V), so reading it aloud or copying it works.
 */
export const CODE_ALPHABET = '34679ACDEFGHJKMNPQRTWXY';
export const CODE_LENGTH = 6;

/** What the resident typed, as the server compares it: trimmed, spaces removed, uppercase. */
export function normaliseCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

export const isCodeShape = (code: string): boolean => new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`).test(code);

/** Shown as two groups of three ("K7P 3QX"), easier to read out than six in a row. */
export const spacedCode = (code: string): string => `${code.slice(0, 3)} ${code.slice(3)}`;

/**
 * What the field keeps of what was typed: uppercase, no spaces, only the alphabet's characters, at most 6. `refused`
 * lists the characters left out (a look-alike such as O or 1, or anything else), so the page can say why.
 */
export function typedCode(input: string): { code: string; refused: string[] } {
  const code: string[] = [];
  const refused: string[] = [];
  for (const ch of normaliseCode(input)) {
    if (CODE_ALPHABET.includes(ch)) {
      if (code.length < CODE_LENGTH) code.push(ch);
    } else if (!refused.includes(ch)) refused.push(ch);
  }
  return { code: code.join(''), refused };
}

/** The typed code as shown in the field: "3KX 7PQ" once past the third character. */
export const groupedCode = (code: string): string => (code.length > 3 ? spacedCode(code) : code);
