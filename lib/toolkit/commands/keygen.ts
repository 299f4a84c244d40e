import { chmod, lstat, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { generateKey, publicPart } from '../../signing';
import { parseCommand, type Command } from '../command';
import { ioError, refused } from '../exit';
import { ioReason } from '../files';


async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

async function writeNew(path: string, text: string, mode: number): Promise<void> {
  try {
    // `wx`: fails if the file appeared since we looked; never replaces a key.
    await writeFile(path, text, { flag: 'wx', mode });
    await chmod(path, mode);
  } catch (error) {
    throw ioError(`cannot write ${path}: ${ioReason(error)}`);
  }
}

export const keygen: Command = {
  name: 'keygen',
  async run(argv, io) {
    const args = parseCommand(keygen, argv, io, { secret: { type: 'string' }, public: { type: 'string' } }, ['name?']);
    if (!args) return;
    const name = args.positionals[0] ?? 'pharmacheck';
    const secretPath = args.values.secret ?? `${name}.secret-key.json`;
    const publicPath = args.values.public ?? `${name}.public-key.json`;
    if (resolve(secretPath) === resolve(publicPath)) throw refused('the secret and the public key need different files');
    for (const path of [secretPath, publicPath]) {
      if (await exists(path)) throw refused(`${path} already exists; keygen never overwrites a key (move it away or choose another name)`);
    }
    const key = await generateKey();
    await writeNew(secretPath, `${JSON.stringify(key, null, 1)}\n`, 0o600);
    try {
      await writeNew(publicPath, `${JSON.stringify(publicPart(key), null, 1)}\n`, 0o644);
    } catch (error) {
      await rm(secretPath, { force: true });
      throw error;
    }
    io.stdout.write(`key id ${key.keyId}\n  secret key: ${secretPath} (keep it private; whoever holds it can sign your lists)\n  public key: ${publicPath} (give it to subscribers)\n`);
  },
};
