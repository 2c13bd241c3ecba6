/** Who changes network settings: named in the audit log. */
export interface NetworkActor {
  username: string;
  role: string;
  sourceIp?: string;
}
