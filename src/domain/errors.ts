// Domain errors: small classes with a stable code. Each edge (CLI, HTTP) maps them once, by instanceof.

export abstract class DocketError extends Error {
  abstract readonly code: string;
}

export interface ValidationIssue {
  /** Which input or field: a file path, "file.jsonl:12", a query parameter. */
  path: string;
  message: string;
}

export class ValidationError extends DocketError {
  readonly code = 'validation_error';
  constructor(
    message: string,
    readonly issues: ValidationIssue[] = [],
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

/** An input that cannot be read as a report (empty, binary, too large, bad encoding, no article). */
export class InputError extends DocketError {
  readonly code = 'input_error';
  constructor(
    readonly input: string,
    readonly reason: string,
  ) {
    super(`${input}: ${reason}`);
    this.name = 'InputError';
  }
}

export class NotFoundError extends DocketError {
  readonly code = 'not_found';
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} not found`);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends DocketError {
  readonly code = 'conflict';
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

export class ConfigError extends DocketError {
  readonly code = 'config_error';
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
