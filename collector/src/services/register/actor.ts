/** Who is making a change: written into history, transitions, check-out records and the audit log. */
export interface Actor {
  id: string;
  username: string;
  role?: string;
  sourceIp?: string;
}
