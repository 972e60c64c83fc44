import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { createDeflateRaw, crc32 } from 'node:zlib';

/**
 * A zip written front to back into a stream, each entry deflated as it comes (the zip half of an
 * .xlsx; ZipArchive is the reading half). Entries carry their CRC and sizes in a data descriptor
 * after the data, so nothing is held back: memory is a deflate window and a chunk in flight.
 * Deflating runs in libuv's thread pool, beside the JavaScript that writes the next rows.
 * No zip64: an entry or the archive past 4 GB is refused (a sheet holds at most 1,048,576 rows,
 * ~1 GB of XML for the widest export).
 */

const MAX_32 = 0xffffffff;
/** General purpose flags: bit 3, sizes in the data descriptor; bit 11, names are UTF-8. */
const FLAGS = 0x0808;
const DEFLATED = 8;
const VERSION = 20;

interface Written {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/** Thrown when the stream the zip goes to was closed before the zip was complete. */
export class ZipOutputClosed extends Error {
  constructor() {
    super('the zip output stream was closed');
  }
}

/** DOS date and time (local fields, as zip tools show them). */
function dosStamp(at: Date): { time: number; date: number } {
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
    date: ((at.getFullYear() - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

export class ZipWriter {
  private offset = 0;
  private readonly entries: Written[] = [];
  private readonly stamp: { time: number; date: number };

  constructor(
    private readonly out: Writable,
    /** zlib level (1, best speed, … 9). */
    private readonly level: number,
    at: Date = new Date(),
  ) {
    this.stamp = dosStamp(at);
  }

  /** Bytes handed to the stream so far. */
  get bytes(): number {
    return this.offset;
  }

  /** Writes `data` to the stream and waits while it is full; throws ZipOutputClosed once it is closed. */
  private async emit(data: Buffer): Promise<void> {
    if (this.out.destroyed) throw new ZipOutputClosed();
    this.offset += data.byteLength;
    if (this.out.write(data)) return;
    await Promise.race([once(this.out, 'drain'), once(this.out, 'close')]);
    if (this.out.destroyed) throw new ZipOutputClosed();
  }

  /** Starts an entry: write its content with `write`, then `close` it before the next entry. */
  async open(path: string): Promise<ZipEntry> {
    const name = Buffer.from(path, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATED, 8);
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    // CRC and sizes (14–25) stay 0: they follow the data
    header.writeUInt16LE(name.byteLength, 26);
    const entry: Written = { name, crc: 0, compressed: 0, size: 0, offset: this.offset };
    await this.emit(Buffer.concat([header, name]));
    return new ZipEntry(entry, this.level, (data) => this.emit(data), () => this.closed(entry));
  }

  /** A whole small entry at once. */
  async add(path: string, content: string): Promise<void> {
    const entry = await this.open(path);
    await entry.write(content);
    await entry.close();
  }

  private async closed(entry: Written): Promise<void> {
    if (entry.compressed > MAX_32 || entry.size > MAX_32) throw new Error(`zip entry ${entry.name.toString()} is past 4 GB`);
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(entry.crc, 4);
    descriptor.writeUInt32LE(entry.compressed, 8);
    descriptor.writeUInt32LE(entry.size, 12);
    this.entries.push(entry);
    await this.emit(descriptor);
  }

  /** The central directory and its end record; then ends the stream. */
  async finish(): Promise<void> {
    const start = this.offset;
    if (start > MAX_32) throw new Error('zip archive is past 4 GB');
    const records = this.entries.map((e) => {
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(VERSION, 4);
      record.writeUInt16LE(VERSION, 6);
      record.writeUInt16LE(FLAGS, 8);
      record.writeUInt16LE(DEFLATED, 10);
      record.writeUInt16LE(this.stamp.time, 12);
      record.writeUInt16LE(this.stamp.date, 14);
      record.writeUInt32LE(e.crc, 16);
      record.writeUInt32LE(e.compressed, 20);
      record.writeUInt32LE(e.size, 24);
      record.writeUInt16LE(e.name.byteLength, 28);
      // extra, comment, disk, attributes: 0
      record.writeUInt32LE(e.offset, 42);
      return Buffer.concat([record, e.name]);
    });
    const directory = Buffer.concat(records);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(directory.byteLength, 12);
    end.writeUInt32LE(start, 16);
    await this.emit(Buffer.concat([directory, end]));
    this.out.end();
  }
}

/** One entry being written: its bytes are deflated and passed on as they come. */
export class ZipEntry {
  private readonly deflate;
  private readonly forwarded: Promise<void>;
  private room: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly entry: Written,
    level: number,
    emit: (data: Buffer) => Promise<void>,
    private readonly onClose: () => Promise<void>,
  ) {
    this.deflate = createDeflateRaw({ level });
    const deflate = this.deflate;
    // the deflated bytes go on in order, each waiting for room in the stream
    this.forwarded = (async () => {
      for await (const chunk of deflate as AsyncIterable<Buffer>) {
        entry.compressed += chunk.byteLength;
        await emit(chunk);
      }
    })();
    // a failure is reported by close(); until then nobody may see it as unhandled
    this.forwarded.catch(() => deflate.destroy());
  }

  /**
   * Adds text (UTF-8) or bytes. One piece may be in the deflater while the caller builds the next
   * (the thread pool deflates while JavaScript writes rows); a second waits for the first to go in.
   */
  async write(content: string | Buffer): Promise<void> {
    await this.room;
    // the stream the zip goes to was closed: forwarded has failed (ZipOutputClosed) and says so
    if (this.deflate.destroyed) await this.forwarded;
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    this.entry.crc = crc32(data, this.entry.crc);
    this.entry.size += data.byteLength;
    this.room = this.deflate.write(data) ? Promise.resolve() : Promise.race([once(this.deflate, 'drain'), this.forwarded]);
    this.room.catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.room;
    this.deflate.end();
    await this.forwarded;
    await this.onClose();
  }
}
