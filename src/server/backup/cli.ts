/**
 * `npm run backup -- <file> [--force]` and `npm run restore -- <file> [--force]`, on the database
 * the server would open (DATABASE_URL, else the PGlite folder JUMUN_DATA_DIR). Exits 0 only when
 * the whole backup or restore succeeded; every failure says why and exits 1 (2 for usage).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../config';
import { BackupError, messageOf } from './format';
import { backup, describeTarget, restore, type Summary } from './service';

const USAGE = `usage: npm run backup -- <file> [--force]    (--force replaces an existing file)
       npm run restore -- <file> [--force]   (--force replaces the database's current data)`;

const [command, ...rest] = process.argv.slice(2);
const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, strict: false, options: { force: { type: 'boolean' }, help: { type: 'boolean' } } });
const unknown = Object.keys(values).filter((k) => k !== 'force' && k !== 'help');
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if ((command !== 'backup' && command !== 'restore') || positionals.length !== 1 || unknown.length > 0) {
  console.error(unknown.length > 0 ? `unknown option --${unknown[0]}\n${USAGE}` : USAGE);
  process.exit(2);
}
// npm runs scripts in the project's folder; a relative name means the folder the operator typed it in
const file = resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0] ?? '');

const config = readConfig();
const force = values.force === true;
const started = performance.now();
const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const total = (s: Summary) => Object.values(s.rows).reduce((a, b) => a + b, 0);
const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

try {
  if (command === 'backup') {
    console.log(`backing up ${describeTarget(config)} to ${file} …`);
    const s = await backup(config, file, force);
    console.log(`done in ${seconds()}: ${s.file} (${megabytes(s.bytes)})`);
    console.log(`  ${s.orders.toLocaleString('en')} orders; ${total(s).toLocaleString('en')} rows in ${Object.keys(s.rows).length} tables`);
  } else {
    console.log(`restoring ${file} into ${describeTarget(config)} …`);
    const s = await restore(config, file, force, (table, rows) => rows > 0 && console.log(`  ${table}: ${rows.toLocaleString('en')} row${rows === 1 ? '' : 's'}`));
    for (const note of s.notes) console.log(`note: ${note}`);
    console.log(`done in ${seconds()}: ${s.file} (${megabytes(s.bytes)}) restored into ${s.database}`);
    console.log(`  ${s.orders.toLocaleString('en')} orders; ${total(s).toLocaleString('en')} rows in ${Object.keys(s.rows).length} tables`);
    if (s.replaced) console.log(`  the database it replaced was kept in ${s.replaced} (delete it when you no longer need it)`);
  }
} catch (error) {
  console.error(`${command} failed: ${messageOf(error)}`);
  // an error we did not expect is a bug: its stack helps whoever reports it
  if (!(error instanceof BackupError) && error instanceof Error && process.env.JUMUN_LOG === '1') console.error(error.stack);
  process.exitCode = 1;
}
