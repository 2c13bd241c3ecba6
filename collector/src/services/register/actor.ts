/** Who is making a change: written into history, transitions and check-out records. */
export interface Actor {
  id: string;
  username: string;
}
