// What a worker does with each job: an ingest job archives one article through IngestService (once, by
// SHA-256) and returns every event of its source, so that a retry of a job whose first worker died
// after storing still hands those events to clustering; a cluster job reclusters around its events.
import { InputError } from '../domain/errors.js';
import { sourceIdFor } from '../domain/ids.js';
import { sourceHash } from '../integrity.js';
import type { Gazetteer } from '../ports/gazetteer.port.js';
import type { ClusterJob, IngestJob, IngestOutcome, WorkHandlers } from '../ports/queue.port.js';
import type { Storage } from '../ports/storage.port.js';
import type { ClusterService } from './cluster.service.js';
import { IngestService } from './ingest.service.js';

/** Events read per page when a retried job looks up what an earlier try stored. */
const EVENT_PAGE = 500;

export class WorkerService {
  private readonly ingest: IngestService;

  constructor(
    private readonly deps: {
      storage: Pick<Storage, 'saveExtractions' | 'hasSource' | 'getSource' | 'listEvents'>;
      gazetteer: Gazetteer;
      clusters: Pick<ClusterService, 'update'>;
      now?: () => Date;
    },
  ) {
    // No cluster service here: clustering runs as its own job, never inside an ingest job.
    this.ingest = new IngestService({
      storage: deps.storage,
      gazetteer: deps.gazetteer,
      ...(deps.now ? { now: deps.now } : {}),
    });
  }

  /** Store one article (or find it stored) and name every event of its source. */
  async ingestJob(job: IngestJob): Promise<IngestOutcome> {
    const { doc } = job;
    const report = await this.ingest.ingest([{ kind: 'document', doc }], {
      published: job.published ?? undefined,
    });
    const skipped = report.skipped[0];
    if (skipped) throw new InputError(skipped.input, skipped.reason);
    const sourceId = report.sourceIds[0];
    if (report.ingested === 1 && sourceId) return { sourceId, created: true, eventIds: report.eventIds };
    // Already stored, by an earlier try of this job (a worker that died) or another job with the same
    // bytes: its events are looked up so that clustering still sees them.
    const hash = sourceHash(doc);
    const id = sourceIdFor(hash);
    const source = await this.deps.storage.getSource(id);
    if (!source || source.sha256 !== hash)
      throw new Error(`source with SHA-256 ${hash.slice(0, 16)}… is stored but was not found as ${id}`);
    return { sourceId: id, created: false, eventIds: await this.eventIdsOf(id) };
  }

  async clusterJob(job: ClusterJob): Promise<Record<string, unknown>> {
    const report = await this.deps.clusters.update(job.eventIds);
    return { ...report };
  }

  /** The handlers a JobQueue's work() takes. */
  handlers(): WorkHandlers {
    return { ingest: (job) => this.ingestJob(job), cluster: (job) => this.clusterJob(job) };
  }

  private async eventIdsOf(sourceId: string): Promise<string[]> {
    const ids: string[] = [];
    for (let offset = 0; ; offset += EVENT_PAGE) {
      const page = await this.deps.storage.listEvents({ sourceId }, { limit: EVENT_PAGE, offset });
      ids.push(...page.items.map((e) => e.id));
      if (!page.items.length || ids.length >= page.total) return ids;
    }
  }
}
