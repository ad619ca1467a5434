/**
 * A rule of the domain refused something. Features subclass it (`BedOccupiedError`); the global
 * filter maps `status` to HTTP, so services never import HTTP exceptions for business rules.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: 404 | 409 | 422 = 422,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
