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

/** The request did not prove who it is (no or bad credentials): HTTP 401. */
export class AuthenticationError extends DocketError {
  readonly code = 'unauthenticated';
  constructor(message = 'log in or send an API token') {
    super(message);
    this.name = 'AuthenticationError';
  }
}

/** The user is known but may not do this: HTTP 403. `code` tells a missing role from a CSRF failure. */
export class ForbiddenError extends DocketError {
  constructor(
    message: string,
    readonly code: 'forbidden' | 'csrf' = 'forbidden',
  ) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** Too many failed attempts (logins): HTTP 429, try again after `retryAfterSeconds`. */
export class TooManyAttemptsError extends DocketError {
  readonly code = 'too_many_attempts';
  constructor(readonly retryAfterSeconds: number) {
    super(`too many failed attempts: try again in ${retryAfterSeconds} s`);
    this.name = 'TooManyAttemptsError';
  }
}
