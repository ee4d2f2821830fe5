// Pieces of the sandbox's machinery that its own tests (tests/sandbox) check directly. Not part of
// the public surface: import "@vigil/github-sandbox/internals" only to test the sandbox itself.
export { appKeyPair } from "./keys.js";
export { matchRoute } from "./openapi/routes.js";
export { openApiDocument } from "./openapi/spec.js";
export type { JsonSchema } from "./openapi/spec.js";
export { describeErrors, validatorFor } from "./openapi/validate.js";
