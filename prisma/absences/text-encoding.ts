/**
 * The text encoding of an absence export, decided for the whole file before any row is read.
 *
 * Excel in a Latvian locale saves "CSV (comma delimited)" in Windows-1257, where ā, š, ļ… are single bytes that
 * are invalid UTF-8. Decoding such a file as UTF-8 turned only the rows holding one into errors and stored the
 * plain rows: half a file. So the decoder is strict: in `auto` it reads UTF-8 until the first byte that is not
 * ASCII and decides there: a valid UTF-8 sequence means UTF-8, anything else Windows-1257 (every earlier byte
 * was ASCII, which both encodings read alike). A file that contradicts the decision later (UTF-8 letters, then a
 * Windows-1257 byte), or any invalid byte in an encoding given explicitly, stops the import with
 * `AbsenceImportError` naming the line and how to save the file as UTF-8. The import runs in one transaction,
 * so nothing of such a file is stored.
 */
import { AbsenceImportError } from "./import-error.js";

export const TEXT_ENCODINGS = ["utf-8", "windows-1257"] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];
/** `auto` detects UTF-8 or Windows-1257 (see the header). */
export type EncodingChoice = TextEncodingName | "auto";

const ALIASES: ReadonlyMap<string, TextEncodingName> = new Map([
  ["utf-8", "utf-8"],
  ["utf8", "utf-8"],
  ["windows-1257", "windows-1257"],
  ["cp1257", "windows-1257"],
  ["win-1257", "windows-1257"],
  ["x-cp1257", "windows-1257"],
]);

/** The encoding a CLI option or an HTTP charset names, or null when it is not one the import reads. */
export function encodingNamed(value: string): TextEncodingName | null {
  return ALIASES.get(value.trim().toLowerCase()) ?? null;
}

/** What the person who exported the file can do about it; part of every refusal. */
export const SAVE_AS_UTF8 =
  'save the file as UTF-8 (Excel: File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)"; LibreOffice: ' +
  'Character set "Unicode (UTF-8)"), or import it with --encoding windows-1257 if that is how it was saved';

function refuse(detail: string): never {
  throw new AbsenceImportError(`${detail}; nothing was imported: ${SAVE_AS_UTF8}`);
}

/** UTF-8 well-formedness of `bytes` from `from`: where it first breaks, or where an unfinished sequence starts. */
function scanUtf8(bytes: Uint8Array, from = 0): { invalidAt: number | null; incompleteFrom: number | null } {
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return { invalidAt: i, incompleteFrom: null };
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k += 1) {
      if (i + k >= bytes.length) return { invalidAt: null, incompleteFrom: i };
      const c = bytes[i + k] ?? 0;
      if (k === 1 ? c < low || c > high : c < 0x80 || c > 0xbf) return { invalidAt: i, incompleteFrom: null };
    }
    i += length;
  }
  return { invalidAt: null, incompleteFrom: null };
}

function newlines(bytes: Uint8Array, end = bytes.length): number {
  let n = 0;
  for (let i = 0; i < end; i += 1) if (bytes[i] === 0x0a) n += 1;
  return n;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/**
 * Decodes a byte stream to text in the given or detected encoding. Text chunks (tests, an already decoded body)
 * pass through unchanged. Throws AbsenceImportError for a byte the encoding cannot read.
 */
export async function* decodeText(
  source: AsyncIterable<Uint8Array | string>,
  encoding: EncodingChoice = "auto",
): AsyncGenerator<string> {
  let decided: TextEncodingName | null = encoding === "auto" ? null : encoding;
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  const cp1257 = new TextDecoder("windows-1257");
  let linesBefore = 0;
  let first = true;
  // Bytes of an unfinished UTF-8 sequence at the end of a chunk, while the encoding is still undecided.
  let held: Uint8Array = new Uint8Array(0);

  const asWindows1257 = (bytes: Uint8Array, stream: boolean): string => {
    const text = cp1257.decode(bytes, { stream });
    // 0xA1 and 0xA5 are the only bytes Windows-1257 leaves undefined: such a file is in another encoding.
    const bad = text.indexOf("\uFFFD");
    if (bad >= 0)
      refuse(
        `line ${linesBefore + 1 + newlines(new TextEncoder().encode(text.slice(0, bad)))}: a byte that is neither UTF-8 nor Windows-1257`,
      );
    return text;
  };
  const asUtf8 = (bytes: Uint8Array, stream: boolean): string => {
    try {
      return utf8.decode(bytes, { stream });
    } catch {
      const at = scanUtf8(bytes).invalidAt ?? bytes.length;
      const hint = encoding === "auto" ? " (the file mixes UTF-8 and another encoding)" : "";
      return refuse(`line ${linesBefore + 1 + newlines(bytes, at)}: not valid UTF-8${hint}`);
    }
  };

  for await (const chunk of source) {
    if (typeof chunk === "string") {
      yield chunk;
      continue;
    }
    let bytes = concat(held, chunk);
    held = new Uint8Array(0);
    if (first && bytes.length > 0) {
      first = false;
      // UTF-16, what Excel's "Unicode text" writes: a byte-order mark FF FE or FE FF.
      if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
        refuse('line 1: the file is UTF-16 (Excel\'s "Unicode text")');
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf && decided === null) decided = "utf-8";
    }
    let text: string;
    if (decided === "utf-8") text = asUtf8(bytes, true);
    else if (decided === "windows-1257") text = asWindows1257(bytes, true);
    else {
      const scan = scanUtf8(bytes);
      if (scan.invalidAt !== null) {
        decided = "windows-1257";
        text = asWindows1257(bytes, true);
      } else {
        const end = scan.incompleteFrom ?? bytes.length;
        // Everything before an unfinished sequence is valid UTF-8; a multi-byte letter in it decides UTF-8.
        const complete = bytes.subarray(0, end);
        if (complete.some((b) => b >= 0x80)) decided = "utf-8";
        text = utf8.decode(complete, { stream: true });
        held = bytes.slice(end);
        bytes = complete;
      }
    }
    linesBefore += newlines(bytes);
    if (text !== "") yield text;
  }
  // The end of the input: an unfinished sequence is Windows-1257 if still undecided, an error in UTF-8.
  const tail =
    decided === "utf-8"
      ? asUtf8(held, false)
      : decided === "windows-1257" || held.length > 0
        ? asWindows1257(held, false)
        : utf8.decode();
  if (tail !== "") yield tail;
}
