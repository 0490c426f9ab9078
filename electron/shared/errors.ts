/**
 * Errors the hosts turn into answers: a call naming an article or source that is not stored is
 * NotFoundError (HTTP 404 from the browser host); a bad argument is InvalidArgumentError
 * (contract-check.ts, HTTP 400). Pure: no imports.
 */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** A well-formed request whose content is refused (a non-OPML file, an empty title): HTTP 400. */
export class RefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedError';
  }
}

/** An argument the contract refuses (contract-check.ts): HTTP 400, a plain error over IPC. */
export class InvalidArgumentError extends Error {
  constructor(method: string, why: string) {
    super(`Invalid argument for ${method}: ${why}`);
    this.name = 'InvalidArgumentError';
  }
}
