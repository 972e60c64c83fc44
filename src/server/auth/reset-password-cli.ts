import { eq } from 'drizzle-orm';
import { readConfig } from '../config';
import { openDatabase } from '../db/client';
import { staff } from '../db/schema/index';
import { findStaffByEmail } from './queries';
import { hashPassword, randomPassword } from './secrets';
import { DataDirBusyError, lockDataDir } from '../db/data-dir-lock';

// `npm run reset-password -- <e-mail>`: sets a new random password and prints it (the way back in
// when the first-start password was missed).
const email = process.argv[2];
if (!email) {
  console.error('usage: npm run reset-password -- <e-mail>');
  process.exit(2);
}
const config = readConfig();
// PGlite is one process: never open the folder a running server has open
try {
  if (!config.databaseUrl) lockDataDir(config.dataDir, 'npm run reset-password');
} catch (error) {
  console.error(error instanceof DataDirBusyError ? error.message : error);
  process.exit(1);
}
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const member = await findStaffByEmail(database.db, email);
if (!member) {
  console.error(`no staff account with e-mail ${email}`);
  await database.close();
  process.exit(1);
}
const password = config.ownerPassword ?? randomPassword();
await database.db.update(staff).set({ passwordHash: await hashPassword(password) }).where(eq(staff.id, member.id));
console.log(`new password for ${member.email}: ${password}`);
await database.close();
