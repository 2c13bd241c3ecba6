import { readFile, readdir, readlink } from 'node:fs/promises';

/** A sysfs or procfs file's text without its trailing newline, or undefined when it cannot be read. */
export async function readSysText(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, 'utf8')).replace(/\n+$/, '');
  } catch {
    return undefined;
  }
}

export async function listDir(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}

export async function readLink(file: string): Promise<string | undefined> {
  return readlink(file).catch(() => undefined);
}

/** Reads several files of one directory at once, keyed by file name; unreadable ones are left out. */
export async function readSysFiles<K extends string>(dir: string, names: readonly K[]): Promise<Partial<Record<K, string>>> {
  const values = await Promise.all(names.map((name) => readSysText(`${dir}/${name}`)));
  const files: Partial<Record<K, string>> = {};
  names.forEach((name, i) => {
    if (values[i] !== undefined) files[name] = values[i]!;
  });
  return files;
}
