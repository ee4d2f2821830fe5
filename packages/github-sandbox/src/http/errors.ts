// GitHub answers errors with `{ message, documentation_url, status }` and, for
// 422s, an `errors` array naming the resource, field and code. Store functions
// throw HttpError so the state API and REST handlers fail the same way.

export interface GitHubFieldError {
  resource: string;
  code: string;
  field?: string;
  message?: string;
}

/** An error that becomes a GitHub-shaped error response. */
export class HttpError extends Error {
  readonly status: number;
  readonly errors: readonly GitHubFieldError[] | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    message: string,
    errors?: readonly GitHubFieldError[],
    headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = "HttpError";
    this.status = status;
    this.errors = errors;
    this.headers = headers;
  }
}

/** 404 with GitHub's terse message (also used to hide what the caller may not see). */
export function notFound(message = "Not Found"): HttpError {
  return new HttpError(404, message);
}

/** 422 "Validation Failed" with field errors. */
export function validationFailed(errors: readonly GitHubFieldError[], message = "Validation Failed"): HttpError {
  return new HttpError(422, message, errors);
}

/** The JSON body GitHub sends with an error status. */
export function errorBody(error: HttpError, documentationUrl: string): Record<string, unknown> {
  return {
    message: error.message,
    ...(error.errors ? { errors: error.errors } : {}),
    documentation_url: documentationUrl,
    status: String(error.status),
  };
}
