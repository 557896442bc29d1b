// The job queue as services see it: ingest and clustering run as jobs that any number of workers, on
// any number of machines, take from one shared queue. The PostgreSQL adapter (pg-boss) implements it.
import type { IncomingDocument } from '../ingest/incoming.js';

/** One article to ingest: the document as received, with the date to use when it carries none. */
export interface IngestJob {
  doc: IncomingDocument;
  /** YYYY-MM-DD, used when `doc.published` is null. */
  published?: string | null;
}

/** Events that a finished ingest job stored and that clustering must look at. */
export interface ClusterJob {
  eventIds: string[];
}

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

export interface QueueCounts {
  queue: string;
  counts: Partial<Record<JobState, number>>;
}

/** A job that failed every attempt and was moved to the dead-letter queue. */
export interface DeadJob {
  id: string;
  queue: string;
  origin: string;
  createdOn: string;
  error: string;
}

export interface WorkOptions {
  /** Jobs one worker runs at the same time. */
  concurrency: number;
}

export interface JobQueue {
  /** Enqueue articles; returns one job id per article (null when the same article is already queued). */
  enqueueIngest(jobs: IngestJob[]): Promise<(string | null)[]>;
  enqueueCluster(job: ClusterJob): Promise<void>;
  /** Take jobs until stop(): each handler's promise settles the job (reject = retry, then dead letter). */
  work(
    handlers: {
      ingest: (job: IngestJob) => Promise<{ eventIds: string[] }>;
      cluster: (job: ClusterJob) => Promise<void>;
    },
    opts: WorkOptions,
  ): Promise<void>;
  counts(): Promise<QueueCounts[]>;
  deadLetters(limit: number): Promise<DeadJob[]>;
  /** Stop taking jobs, let active ones finish (up to a grace period), close connections. */
  stop(): Promise<void>;
}
