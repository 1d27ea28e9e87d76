import { UserInputError } from '../config/errors.js';

/** Causes, in words, of the filesystem errors a user can fix (a path, permissions, a full disk). */
const causes: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the filesystem is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EEXIST: 'something already exists there',
  ENOENT: 'no such file or folder',
  ENAMETOOLONG: 'the path is too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files on the system',
  EIO: 'an input/output error of the device',
};

/**
 * The user-facing error for a Node filesystem error (one with an errno `code` seqsim's user can
 * act on): one paragraph naming the path and the cause, exit 2. Null for anything else (a bug).
 */
export function fsUserError(err: unknown): UserInputError | null {
  if (!(err instanceof Error)) return null;
  const e = err as NodeJS.ErrnoException & { dest?: string };
  const cause = e.code !== undefined ? causes[e.code] : undefined;
  if (cause === undefined || (e.syscall === undefined && e.path === undefined)) return null;
  const path = e.path !== undefined ? `"${e.path}"${e.dest ? ` → "${e.dest}"` : ''}` : 'a file';
  const op = e.syscall ? ` (${e.syscall}, ${e.code})` : ` (${e.code})`;
  return new UserInputError(
    `Cannot write or read ${path}: ${cause}${op}. Check that the folder exists and is writable and that the disk has room, ` +
      'or choose another --out; a stopped run can be continued with --resume once the cause is fixed.',
  );
}
