// Runs the built CLI (`node dist/cli/main.js …`) as a child process, the way a user runs it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const CLI = join(ROOT, 'dist/cli/main.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** This process's environment without DOCKET_* settings other than the gazetteer cache, plus `extra`. */
export function cliEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!k.startsWith('DOCKET_') || k === 'DOCKET_CACHE_DIR') env[k] = v;
  return { ...env, DOCKET_LOG_LEVEL: 'silent', ...extra };
}

/**
 * Run the CLI and collect its output. `env` is added to this process's environment (see cliEnv), or, with
 * `inherit: false`, is the whole environment.
 */
export function runCli(
  args: string[],
  opts: { env: Record<string, string>; cwd: string; input?: string; inherit?: boolean },
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: opts.cwd,
      env: opts.inherit === false ? opts.env : cliEnv(opts.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}
