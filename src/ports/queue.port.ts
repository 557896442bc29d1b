// The job queue as services see it: ingest and clustering run as jobs that any number of workers, on
// any number of machines, take from one shared queue. The PostgreSQL adapter (pg-boss) implements it.
//
// Delivery is at least once: a job whose worker dies is retried after its timeout, so a handler may
// see the same job twice. Exactly-once results come from idempotent handlers (sources are stored once
// by SHA-256; clustering recomputes a scope), never from the queue alone.
import type { IncomingDocument } from '../domain/incoming.js';

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

/** What an ingest job did: stored the source (created) or found it already stored (by an earlier try). */
export interface IngestOutcome {
  sourceId: string;
  created: boolean;
  /** Every event of the source, whether this try stored them or an earlier one did. */
  eventIds: string[];
}

export type JobKind = 'ingest' | 'cluster';

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

export interface QueueCounts {
  queue: string;
  counts: Partial<Record<JobState, number>>;
  /** Jobs (in any state) that are on their second or later attempt. */
  retried: number;
}

/** A job that failed every attempt and was moved to the dead-letter queue. */
export interface DeadJob {
  id: string;
  /** The queue the job failed in (docket-ingest, docket-cluster). */
  queue: string;
  /** What the job was about: the input of an ingest job, the event count of a cluster job. */
  origin: string;
  createdOn: string;
  error: string;
}

/** One finished attempt, for progress logs. */
export interface JobReport {
  kind: JobKind;
  id: string;
  /** 1 for the first try. */
  attempt: number;
  ok: boolean;
  ms: number;
  /** Output stored with the job (ok) or the error message (not ok). */
  detail: Record<string, unknown>;
}

export interface WorkOptions {
  /** Ingest jobs one worker holds at the same time. */
  concurrency: number;
  /** Called after every attempt (progress logs). */
  onJob?: (report: JobReport) => void;
  /** Called when the worker takes jobs, before it runs them (debug logs). */
  onTake?: (kind: JobKind, ids: string[]) => void;
}

export interface WorkHandlers {
  /** Must be idempotent: a retried job may find its source already stored. */
  ingest: (job: IngestJob) => Promise<IngestOutcome>;
  /** Never runs twice at once, across all workers. */
  cluster: (job: ClusterJob) => Promise<Record<string, unknown>>;
}

export interface EnqueueResult {
  /** Job id, or null when a job for the same content is already queued. */
  id: string | null;
}

export interface JobQueue {
  /** Enqueue articles, one job each, keyed by content: the same article twice is queued once. */
  enqueueIngest(jobs: IngestJob[]): Promise<EnqueueResult[]>;
  enqueueCluster(job: ClusterJob): Promise<void>;
  /**
   * Start taking jobs (returns once started). An ingest handler's events are enqueued for clustering
   * before its job completes; a handler that rejects is retried with backoff, then dead-lettered.
   */
  work(handlers: WorkHandlers, opts: WorkOptions): Promise<void>;
  counts(): Promise<QueueCounts[]>;
  /** The most recent dead-letter jobs, newest first. */
  deadLetters(limit: number): Promise<DeadJob[]>;
  /**
   * Put up to `limit` dead-letter jobs, oldest first, back on their queues for another round of attempts
   * (after the cause was mended); returns how many were requeued.
   */
  requeueDead(limit: number): Promise<number>;
  /** Stop taking jobs, let active ones finish (up to a grace period), close connections. */
  stop(): Promise<void>;
}
