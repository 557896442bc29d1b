// Placeholder until the worker lands.
import type { ScaleOptions } from './scale.js';
export async function workerPart(_o: ScaleOptions, _pg: string): Promise<void> {
  console.log('workers: not yet');
}
