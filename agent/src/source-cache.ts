/** A source of inventory data that can tell cheaply whether its data may have changed. */
export interface EvidencedSource<T> {
  name: string;
  read: () => Promise<T>;
  /**
   * Cheap facts that change whenever the data may have (file stamps, device listings). Undefined
   * when the platform offers none: the source is then read every time.
   */
  evidence?: () => Promise<string>;
}

interface Cached {
  evidence: string;
  value: unknown;
  readAt: number;
}

/**
 * Remembers what each source read and the evidence it was read under: a source is read again only
 * when its evidence changed, or when its last reading is older than the full-check period.
 */
export class SourceCache {
  private readonly cached = new Map<string, Cached>();
  /** Names of the sources the last cycle actually read, for the log. */
  readonly lastRead: string[] = [];

  constructor(private readonly fullCheckMs: number, private readonly now: () => number = Date.now) {}

  async get<T>(source: EvidencedSource<T>): Promise<T> {
    const evidence = source.evidence ? await source.evidence().catch(() => undefined) : undefined;
    const cached = this.cached.get(source.name);
    const fresh = cached && evidence !== undefined && cached.evidence === evidence && this.now() - cached.readAt < this.fullCheckMs;
    if (fresh) return cached.value as T;
    const readAt = this.now();
    let value: T;
    try {
      value = await source.read();
    } catch (error) {
      // A failed reading keeps the last good one; the evidence it was taken under still differs, so it is tried again.
      if (cached) return cached.value as T;
      throw error;
    }
    this.lastRead.push(source.name);
    if (evidence !== undefined) this.cached.set(source.name, { evidence, value, readAt });
    return value;
  }

  /** Starts a cycle's bookkeeping. */
  beginCycle(): void {
    this.lastRead.length = 0;
  }

  /** Forgets everything, so the next cycle reads every source. */
  clear(): void {
    this.cached.clear();
  }
}
