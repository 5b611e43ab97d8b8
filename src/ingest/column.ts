// One column of a table, as ingest hands it to validate: every row's cell text.
//
// Why not only rows of objects: a million meldingen hold a few thousand distinct dates, codes
// and hours. Kept as a dictionary of distinct texts plus one code per row, each text is stored
// once, and validate parses each distinct text once and finds it again by its code (an array
// index) instead of hashing the text of every cell. A column with more distinct texts than
// DICTIONARY_LIMIT (the ids) turns into a plain list of texts from then on.

export const DICTIONARY_LIMIT = 20_000;

export class CsvColumn {
  /** Distinct texts, in order of first appearance (while the column is coded). */
  readonly dictionary: string[] = [];
  private index: Map<string, number> | null = new Map();
  private codes: Int32Array = new Int32Array(256);
  /** Every row's text, once the column has too many distinct texts. */
  private texts: string[] | null = null;
  private count = 0;

  get length(): number {
    return this.count;
  }

  /** Whether `code` can be used (else every row has only its text). */
  get coded(): boolean {
    return this.texts === null;
  }

  push(text: string): void {
    if (this.texts !== null) {
      this.texts.push(text);
      this.count++;
      return;
    }
    const index = this.index as Map<string, number>;
    let code = index.get(text);
    if (code === undefined) {
      if (this.dictionary.length >= DICTIONARY_LIMIT) {
        this.toTexts();
        this.push(text);
        return;
      }
      code = this.dictionary.length;
      this.dictionary.push(text);
      index.set(text, code);
    }
    if (this.count === this.codes.length) {
      const grown = new Int32Array(this.codes.length * 2);
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes[this.count++] = code;
  }

  /** The text of row `row` (0-based). */
  text(row: number): string {
    return this.texts !== null ? (this.texts[row] as string) : (this.dictionary[this.codes[row] as number] as string);
  }

  /** The dictionary code of row `row`, or -1 when the column is not coded. */
  code(row: number): number {
    return this.texts !== null ? -1 : (this.codes[row] as number);
  }

  private toTexts(): void {
    const texts: string[] = new Array<string>(this.count);
    for (let k = 0; k < this.count; k++) texts[k] = this.dictionary[this.codes[k] as number] as string;
    this.texts = texts;
    this.dictionary.length = 0;
    this.index = null;
    this.codes = new Int32Array(0);
  }
}

/** A table's cells column by column, with each row's line number. */
export interface Columnar {
  /** Line number of each row's first line in the file (header = line 1). */
  regels: number[];
  /** One per header position. */
  columns: CsvColumn[];
}
