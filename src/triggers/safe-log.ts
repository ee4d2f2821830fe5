// Pino keeps a logger's serializers under this registered symbol (exported by pino as
// `symbols.serializersSym`); Symbol.for reaches it without making pino a dependency of Vigil.
const SERIALIZERS = Symbol.for("pino.serializers");

type Loose = Record<string, unknown>;

const isRecord = (value: unknown): value is Loose => typeof value === "object" && value !== null;

/** The parts of a webhook event that identify it: never its payload, which holds the incident's text. */
function eventIds(event: unknown): Loose | undefined {
  if (!isRecord(event)) return undefined;
  const payload = isRecord(event.payload) ? event.payload : {};
  const repository = isRecord(payload.repository) ? payload.repository.full_name : undefined;
  return { id: event.id, name: event.name, action: payload.action, repository };
}

/**
 * An error as Vigil lets it reach a log: type, message, HTTP status and the request's method and URL,
 * stack, and the ids of the webhook event it came from. Left out on purpose: the webhook payload that
 * @octokit/webhooks attaches to every failing handler's error (the issue body, the comment text), and
 * an Octokit error's request body and response data (a record or comment Vigil was writing).
 */
export function safeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const safe: Loose = { type: error.name, message: error.message };
  const { status, request, event } = error as Error & Loose;
  if (typeof status === "number") safe.status = status;
  if (isRecord(request)) safe.request = { method: request.method, url: request.url };
  const ids = eventIds(event);
  if (ids) safe.event = ids;
  if (error instanceof AggregateError) safe.errors = error.errors.map(safeError);
  if (error.cause !== undefined) safe.cause = safeError(error.cause);
  safe.stack = error.stack;
  return safe;
}

/**
 * Makes `log` (and every child logger made from it without serializers of its own) write errors
 * through `safeError`. Probot's webhook middleware and its error handler both log a failing handler's
 * error with Probot's own logger, which is the app's `app.log`: guarding it here covers every way the
 * app is hosted (`probot run`, the Docker image, the Actions entry, tests).
 */
export function guardErrorLogs(log: object): void {
  const current = (log as Record<symbol, unknown>)[SERIALIZERS];
  if (!isRecord(current)) return;
  Object.defineProperty(log, SERIALIZERS, {
    value: Object.assign(Object.create(null) as Loose, current, { err: safeError }),
    writable: true,
    configurable: true,
    enumerable: false,
  });
}
