import { createInflateRaw } from 'node:zlib';
import { AppError } from '../http/errors';

/** Inflated bytes handed over at a time (and the window the XML is then read in). */
const CHUNK_BYTES = 64 * 1024;

interface ZipEntry {
  method: number;
  flags: number;
  compressedSize: number;
  /** What the entry says it inflates to: a hint only, it may lie either way. */
  declaredSize: number;
  localHeaderOffset: number;
}

const invalid = (reason: string): AppError => new AppError('EXCEL_FILE_INVALID', { reason });
const MAX_32 = 0xffffffff;

/** The end-of-central-directory record: the last one in the file (a comment may follow it, ≤ 64 KB). */
function findDirectory(zip: Buffer): { offset: number; count: number } {
  const from = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= from; at--) {
    if (zip.readUInt32LE(at) !== 0x06054b50) continue;
    const count = zip.readUInt16LE(at + 10);
    const offset = zip.readUInt32LE(at + 16);
    if (offset !== MAX_32 && count !== 0xffff) return { offset, count };
    // zip64: a locator just before it points at the zip64 record, which has the real numbers
    const locator = at - 20;
    if (locator < 0 || zip.readUInt32LE(locator) !== 0x07064b50) throw invalid('a zip64 archive without its locator');
    const record = Number(zip.readBigUInt64LE(locator + 8));
    if (record + 56 > zip.length || zip.readUInt32LE(record) !== 0x06064b50) throw invalid('a broken zip64 directory');
    return { offset: Number(zip.readBigUInt64LE(record + 48)), count: Number(zip.readBigUInt64LE(record + 32)) };
  }
  throw invalid('not a zip archive (no central directory)');
}

/** The sizes and offset a zip64 extra field (id 1) holds for the fields that say 0xFFFFFFFF, in that order. */
function applyZip64(entry: ZipEntry, extra: Buffer): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    if (id === 1) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + size) throw invalid('a broken zip64 extra field');
        const value = Number(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (entry.declaredSize === MAX_32) entry.declaredSize = next();
      if (entry.compressedSize === MAX_32) entry.compressedSize = next();
      if (entry.localHeaderOffset === MAX_32) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + size;
  }
}

/**
 * An .xlsx read part by part, with a budget for what inflating its parts may produce in total.
 * The central directory names the parts, so they are read in the order the reader needs (the
 * shared strings before the sheets, whatever order the file has them in) and only those it needs.
 * Inflation runs in libuv's thread pool, 64 KB of output at a time, so a large part does not hold
 * up other requests; it stops as soon as the output passes what is left of the budget: what
 * counts is what comes out, not the sizes the entries declare.
 */
export class ZipArchive {
  private readonly entries = new Map<string, ZipEntry>();
  private left: number;

  /** Reads the central directory; a file that is not a zip, or a broken one, is EXCEL_FILE_INVALID. */
  static open(zip: Buffer, maxUncompressedBytes: number): ZipArchive {
    try {
      return new ZipArchive(zip, maxUncompressedBytes);
    } catch (error) {
      // an offset pointing outside the file makes the Buffer reads throw
      if (error instanceof AppError) throw error;
      throw invalid('a broken zip archive');
    }
  }

  private constructor(
    private readonly zip: Buffer,
    readonly maxUncompressedBytes: number,
  ) {
    this.left = maxUncompressedBytes;
    const { offset, count } = findDirectory(zip);
    let at = offset;
    for (let i = 0; i < count; i++) {
      if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw invalid('a broken central directory');
      const nameLength = zip.readUInt16LE(at + 28);
      const extraLength = zip.readUInt16LE(at + 30);
      const commentLength = zip.readUInt16LE(at + 32);
      const entry: ZipEntry = {
        flags: zip.readUInt16LE(at + 8),
        method: zip.readUInt16LE(at + 10),
        compressedSize: zip.readUInt32LE(at + 20),
        declaredSize: zip.readUInt32LE(at + 24),
        localHeaderOffset: zip.readUInt32LE(at + 42),
      };
      const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
      applyZip64(entry, zip.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
      // part names compare without case (OPC), and some writers put a leading slash
      this.entries.set(name.replace(/^\/+/, '').toLowerCase(), entry);
      at += 46 + nameLength + extraLength + commentLength;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /**
   * The part's bytes, as the chunks they inflated in (one large buffer would be allocated and
   * copied in one go on the event loop), or null when there is no such part.
   */
  async read(name: string): Promise<Buffer[] | null> {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) return null;
    if (entry.flags & 1) throw invalid('an encrypted zip entry');
    const at = entry.localHeaderOffset;
    if (at + 30 > this.zip.length || this.zip.readUInt32LE(at) !== 0x04034b50) throw invalid(`a broken zip entry: ${name}`);
    const start = at + 30 + this.zip.readUInt16LE(at + 26) + this.zip.readUInt16LE(at + 28);
    if (start + entry.compressedSize > this.zip.length) throw invalid(`a zip entry runs past the end of the file: ${name}`);
    const data = this.zip.subarray(start, start + entry.compressedSize);
    if (entry.declaredSize > this.left) throw this.tooLarge();
    if (entry.method === 0) return [this.take(data)];
    if (entry.method !== 8) throw invalid(`a zip entry compressed with method ${entry.method}`);
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      const inflater = createInflateRaw({ chunkSize: CHUNK_BYTES });
      inflater.on('data', (chunk: Buffer) => {
        try {
          chunks.push(this.take(chunk));
        } catch (error) {
          // stops inflating: what is left of the part is never produced
          inflater.destroy();
          reject(error);
        }
      });
      inflater.on('error', () => reject(invalid(`a zip entry could not be inflated: ${name}`)));
      inflater.on('end', () => resolve(chunks));
      inflater.end(data);
    });
  }

  /** Counts bytes that came out against the budget. */
  private take(bytes: Buffer): Buffer {
    if (bytes.length > this.left) throw this.tooLarge();
    this.left -= bytes.length;
    return bytes;
  }

  private tooLarge(): AppError {
    return new AppError('EXCEL_FILE_TOO_LARGE', { maxUncompressedBytes: this.maxUncompressedBytes });
  }
}
