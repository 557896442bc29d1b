// STUB — replaced by the PostgreSQL adapter.
import { ConfigError } from '../../domain/errors.js';
import type { IncidentStore } from '../../ports/incident.port.js';
import type { Storage } from '../../ports/storage.port.js';

export function openPostgresStorage(url: string): Promise<Storage & { incidents: IncidentStore }> {
  return Promise.reject(new ConfigError(`PostgreSQL is not available yet (${url})`));
}
