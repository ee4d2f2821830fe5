// Writes schema/incident-response.schema.json from the zod schema (npm run schema); a test fails when it is stale.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { JSON_SCHEMA_PATH, renderJsonSchema } from "../src/config/json-schema.js";
import { PACKAGE_ROOT } from "../src/paths.js";

const target = join(PACKAGE_ROOT, JSON_SCHEMA_PATH);
writeFileSync(target, renderJsonSchema());
console.log(`wrote ${JSON_SCHEMA_PATH}`);
