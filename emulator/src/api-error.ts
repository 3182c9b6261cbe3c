// Error responses in the API's shapes: ApiError for everything, RestErrResponse for 401 in older versions.

export interface ApiErrorBody {
  status: number;
  message: string;
  key?: string;
  metadata?: Record<string, unknown>;
}

/** The 401 body of version 2024-02-08 and older (the SDK types it as RestErrResponse). */
export interface RestErrResponseBody {
  code: number;
  error: string;
  status: string;
  context: Record<string, unknown>;
}

/** Thrown by handlers; the server turns it into an ApiError response. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly metadata?: Record<string, unknown>,
    readonly key?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { status: this.status, message: this.message };
    if (this.key !== undefined) body.key = this.key;
    if (this.metadata !== undefined) body.metadata = this.metadata;
    return body;
  }
}

export const notFound = (what: string, id: string): HttpError => new HttpError(404, `${what} ${id} not found`);
