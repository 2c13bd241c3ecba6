/** A delivery that must not be retried: retrying cannot change the answer. */
export class PermanentFailure extends Error {
  constructor(message: string, readonly status: number | null = null) {
    super(message);
    this.name = 'PermanentFailure';
  }
}

/** A delivery that waits on another (a ticket comment before the ticket exists): not a failed attempt. */
export class NotYet extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotYet';
  }
}

/** A failed attempt worth retrying, with the HTTP status when there was one. */
export class AttemptFailed extends Error {
  constructor(message: string, readonly status: number | null = null) {
    super(message);
    this.name = 'AttemptFailed';
  }
}
