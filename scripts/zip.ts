/**
 * A reproducible zip of a folder: the same files give the same bytes, whenever and wherever they
 * were built. Entries are sorted by path, and every entry gets the same date (1980-01-01, the
 * earliest a zip can hold) and the same permissions (rw-r--r--), whatever the file system says.
 * Written with node's zlib, following PKWARE's APPNOTE (local headers, central directory, end
 * record; no zip64, as an extension is far below 4 GiB).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
const DOS_TIME_MIDNIGHT = 0;
const UNIX_FILE_RW_R_R = 0o100644;
const VERSION = 20; // 2.0: deflate
const MADE_ON_UNIX = 3 << 8;
const UTF8_NAMES = 1 << 11;
const STORED = 0;
const DEFLATED = 8;

/** Every file under `dir`, as sorted forward-slash paths relative to it. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => {
      if (entry.isSymbolicLink()) throw new Error(`Refusing to zip a symbolic link: ${join(entry.parentPath, entry.name)}`);
      return entry.isFile();
    })
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The zip of every file under `dir`. */
export function zipFolder(dir: string): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const paths = listFiles(dir);
  for (const path of paths) {
    const data = readFileSync(join(dir, ...path.split('/')));
    const deflated = deflateRawSync(data, { level: 9 });
    // Already-compressed files (icons) are stored as they are.
    const [method, body] = deflated.length < data.length ? [DEFLATED, deflated] : [STORED, data];
    const name = Buffer.from(path, 'utf8');
    const crc = crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME_MIDNIGHT, 10);
    local.writeUInt16LE(DOS_DATE_1980_01_01, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // no extra field, so no file-system timestamps
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(MADE_ON_UNIX | VERSION, 4);
    local.copy(central, 6, 4, 30); // version needed … name length: as in the local header
    central.writeUInt16LE(0, 30); // extra field
    central.writeUInt16LE(0, 32); // comment
    central.writeUInt16LE(0, 34); // disk
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE((UNIX_FILE_RW_R_R << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(paths.length, 8); // entries on this disk
  end.writeUInt16LE(paths.length, 10); // entries in all
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
