import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Asset, LabelLayout } from '@steward/shared';
import type { Database } from '../../store/database.js';
import { claimJob, createJob, finishJob, readJob, readJobInput, readJobOutput, releaseJob, type JobRow } from '../../store/jobs.js';
import { assetsTable } from '../../store/register/asset-tables.js';
import { getRecords } from '../../store/register/record-table.js';
import { renderLabels } from './labels.js';

export const LABEL_SHEET_JOB = 'register.labels';
const POLL_MS = 5_000;

export interface LabelJobInput {
  assetIds: string[];
  layout: LabelLayout;
  heading?: string;
}

/**
 * Big label sheets drawn as jobs kept in the database: the request answers at once, whichever
 * collector claims the job draws the PDF and keeps it on the job's row, and any collector answers
 * the poll and the download. Jobs are polled too, so one asked for on a collector that stopped
 * before taking it is drawn elsewhere.
 */
export class LabelJobs {
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly halt = new AbortController();

  constructor(private readonly db: Database, private readonly log: Logger) {}

  start(): void {
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
    this.kick();
  }

  async request(requestedBy: string, input: LabelJobInput): Promise<string> {
    const id = randomUUID();
    await createJob(this.db, id, LABEL_SHEET_JOB, requestedBy, input);
    this.kick();
    return id;
  }

  read(id: string): Promise<JobRow | undefined> {
    return readJob(this.db, id, LABEL_SHEET_JOB);
  }

  /** The drawn sheet, named by its label stock as a sheet drawn in the answer is. */
  async download(id: string): Promise<{ content: Buffer; type: string; layout?: LabelLayout } | undefined> {
    const file = await readJobOutput(this.db, id, LABEL_SHEET_JOB);
    return file && { ...file, layout: (await readJobInput<LabelJobInput>(this.db, id))?.layout };
  }

  /** Draws the queued sheets, or asks the running loop to look again when it is done. */
  kick(): void {
    if (this.halt.signal.aborted) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runQueued()
      .catch((error: unknown) => this.log.warn({ err: (error as Error).message }, 'labels: queued sheets not taken'))
      .finally(() => {
        this.running = undefined;
      });
  }

  /** Stops polling; a sheet being drawn goes back to the queue for another collector. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.halt.abort();
    while (this.running) await this.running;
  }

  private async runQueued(): Promise<void> {
    do {
      this.again = false;
      for (;;) {
        if (this.halt.signal.aborted) return;
        const id = await claimJob(this.db, LABEL_SHEET_JOB);
        if (!id) break;
        await this.runOne(id);
      }
    } while (this.again && !this.halt.signal.aborted);
  }

  private async runOne(id: string): Promise<void> {
    try {
      const input = await readJobInput<LabelJobInput>(this.db, id);
      if (!input) throw new Error('the job does not say which labels to draw');
      const assets = await getRecords<Asset>(this.db, assetsTable, input.assetIds);
      const byId = new Map(assets.map((a) => [a.id, a]));
      // Assets deleted since the request have no label to print; the rest keep the order asked for.
      const items = input.assetIds.flatMap((assetId) => byId.get(assetId) ?? []);
      const pdf = await renderLabels(items, input.layout, input.heading, this.halt.signal);
      const result = { labels: items.length, leftOut: input.assetIds.length - items.length, bytes: pdf.length };
      await finishJob(this.db, id, 'done', { result, output: { content: pdf, type: 'application/pdf' } });
      this.log.info({ job: id, ...result }, 'labels: sheet drawn');
    } catch (error) {
      if (this.halt.signal.aborted) {
        await releaseJob(this.db, id);
        this.log.warn({ job: id }, 'labels: sheet under way handed back to the queue for shutdown');
      } else {
        await finishJob(this.db, id, 'failed', { error: (error as Error).message });
        this.log.error({ job: id, err: (error as Error).message }, 'labels: sheet failed');
      }
    }
  }
}
