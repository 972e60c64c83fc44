/**
 * Who has the embedded database's folder open. PGlite is PostgreSQL in one process with no
 * postmaster: a second process opening the same folder is not refused, and two writers corrupt
 * it (PGlite's own postmaster.pid carries a fixed fake pid, so it cannot say who is alive). The
 * server and the backup tool therefore leave `jumun.pid` in the folder while they use it.
 */
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'jumun.pid';

export class DataDirBusyError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The holder named in the folder's lock file, when that process is still running. */
function dataDirHolder(dataDir: string): { pid: number; holder: string } | null {
  let text: string;
  try {
    text = readFileSync(join(dataDir, LOCK_FILE), 'utf8');
  } catch {
    return null;
  }
  const [pidText, holder = 'unknown'] = text.split('\n');
  const pid = Number(pidText);
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || !isAlive(pid)) return null;
  return { pid, holder };
}

/**
 * Takes the folder for this process (creating it if needed) until the returned release is called
 * or the process exits; throws DataDirBusyError while another live process holds it. A lock left
 * by a process that died is taken over.
 */
export function lockDataDir(dataDir: string, holder: string): () => void {
  if (dataDir.startsWith('memory://')) return () => undefined;
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const mine = `${process.pid}\n${holder}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(path, mine, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const other = dataDirHolder(dataDir);
      if (other) {
        throw new DataDirBusyError(
          `${dataDir} is in use by process ${other.pid} (${other.holder}); stop it first. ` +
            `If no such process is Jumun, delete ${path}.`,
        );
      }
      unlinkSync(path);
    }
  }
  const release = () => {
    process.off('exit', release);
    try {
      if (readFileSync(path, 'utf8') === mine) unlinkSync(path);
    } catch {
      // already gone (the folder was moved or removed): nothing to release
    }
  };
  process.on('exit', release);
  return release;
}
