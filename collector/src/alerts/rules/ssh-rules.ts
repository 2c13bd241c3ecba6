import { listHostKeys } from '../../store/ssh/host-keys.js';
import type { RuleSource } from './candidate.js';

/** Open while a host offers another key than the pinned one; accepting the new key resolves it. */
export const sshHostKeyChanged: RuleSource<'ssh_host_key_changed'> = {
  tables: ['ssh_host_keys'],
  async find(db) {
    return (await listHostKeys(db, true)).map((k) => ({
      subjectType: 'ssh-host', subjectId: null,
      // The offered key is in the key: a host that changes its key again is a new matter.
      subjectKey: `ssh-host-key:${k.host}:${k.port}:${k.offered!.fingerprint}`,
      summary: `SSH host ${k.host}:${k.port} presented a different host key (${k.offered!.keyType} ${k.offered!.fingerprint}, pinned ${k.keyType} ${k.fingerprint}); the scan stopped before sending credentials`,
      details: { host: k.host, port: k.port, pinned: { keyType: k.keyType, fingerprint: k.fingerprint }, offered: k.offered },
    }));
  },
};
