import { and, eq } from 'drizzle-orm';
import { readConfig } from '../config';
import { openDatabase } from '../db/client';
import { staff } from '../db/schema/index';
import { findStaffAccountsByEmail } from './queries';
import { hashPassword, randomPassword } from './secrets';
import { DataDirBusyError, lockDataDir } from '../db/data-dir-lock';

// `npm run reset-password -- <e-mail> [shop id]`: sets a new random password and prints it (the way
// back in when the first-start password was missed). An e-mail with accounts in several shops needs
// the shop's id.
const email = process.argv[2];
const shopArg = process.argv[3];
if (!email || (shopArg !== undefined && !/^\d+$/.test(shopArg))) {
  console.error('usage: npm run reset-password -- <e-mail> [shop id]');
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
const accounts = (await findStaffAccountsByEmail(database.db, email)).filter((a) => shopArg === undefined || a.staff.shopId === Number(shopArg));
const member = accounts[0]?.staff;
if (!member || accounts.length > 1) {
  console.error(member ? `${email} has accounts in several shops; add the shop's id: ${accounts.map((a) => `${a.staff.shopId} (${a.shopName})`).join(', ')}` : `no staff account with e-mail ${email}`);
  await database.close();
  process.exit(1);
}
const password = config.ownerPassword ?? randomPassword();
await database.db.update(staff).set({ passwordHash: await hashPassword(password) }).where(and(eq(staff.shopId, member.shopId), eq(staff.id, member.id)));
console.log(`new password for ${member.email}: ${password}`);
await database.close();
