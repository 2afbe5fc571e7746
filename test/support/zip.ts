/** The entries of a zip archive (a .vsix), read from its central directory. */
import * as fs from 'fs';

export interface ZipEntry {
  name: string;
  compressedSize: number;
  size: number;
}

export function zipEntries(file: string): ZipEntry[] {
  const data = fs.readFileSync(file);
  // The end-of-central-directory record is within the last 64 KB + 22 bytes.
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 65557); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip archive`);
  const count = data.readUInt16LE(eocd + 10);
  let at = data.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (data.readUInt32LE(at) !== 0x02014b50) throw new Error('corrupt central directory');
    const compressedSize = data.readUInt32LE(at + 20);
    const size = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    entries.push({ name: data.subarray(at + 46, at + 46 + nameLength).toString('utf8'), compressedSize, size });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
