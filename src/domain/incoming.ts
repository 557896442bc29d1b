// What the input readers hand to the pipeline: one document per report, or a note that an input was skipped.

/** One report as received, ready to be archived as a Source. */
export interface IncomingDocument {
  /** A file path, or "path/to/file.jsonl:12" for one line of a JSON Lines file. */
  origin: string;
  /** The article text Docket reads (for HTML: the extracted article body, paragraphs separated by blank lines). */
  text: string;
  /** The received text when it differs from `text` (the HTML, the JSON line), else null. */
  raw: string | null;
  mediaType: 'text/plain' | 'text/html' | 'application/jsonl';
  outlet: string | null;
  url: string | null;
  title: string | null;
  /** YYYY-MM-DD when known. */
  published: string | null;
}

/** An input that was not read, and why ("file is 50 MB, over the limit of 10 MB"). */
export interface SkippedInput {
  input: string;
  reason: string;
}

export type InputItem =
  { kind: 'document'; doc: IncomingDocument } | { kind: 'skipped'; skipped: SkippedInput };
