import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Average time of a small append + fdatasync in `dir`, ms. What synchronous=FULL costs per commit depends on it: a
 * disk (or virtual disk) that acknowledges flushes from a cache makes FULL nearly free, a real flush to flash does not.
 */
export function measureFsyncMs(dir = os.tmpdir(), count = 200): number {
  const file = path.join(fs.mkdtempSync(path.join(dir, 'fsync-probe-')), 'probe');
  const fd = fs.openSync(file, 'w');
  const block = Buffer.alloc(256, 1);
  try {
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      fs.writeSync(fd, block);
      fs.fdatasyncSync(fd);
    }
    return (performance.now() - start) / count;
  } finally {
    fs.closeSync(fd);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
