import { z } from "zod";
import { configSchema } from "./schema.js";

/** Where the generated JSON Schema is checked in, relative to the package root. */
export const JSON_SCHEMA_PATH = "schema/incident-response.schema.json";

/** The JSON Schema editors use to complete and check `.github/incident-response.yml`, generated from the zod schema. */
export function buildJsonSchema(): Record<string, unknown> {
  // "input" describes what a user writes (defaults optional), not the defaulted value handlers receive.
  const { $schema, properties, ...rest } = z.toJSONSchema(configSchema, { io: "input" });
  return {
    $schema,
    $id: "urn:vigil:schema:incident-response",
    title: "Vigil configuration (.github/incident-response.yml)",
    description:
      "Security incident response settings for the Vigil GitHub App. Everything has a default except the people (oncall.rotation and oncall.securityOfficer).",
    ...rest,
    properties: {
      // Probot follows `_extends` before Vigil sees the file; the schema must still let editors accept it.
      _extends: {
        type: "string",
        description: "Inherit settings from another repository's file, e.g. .github or other-repo:path/file.yml (resolved by Probot)",
      },
      ...properties,
    },
  };
}

/** The schema as the checked-in file holds it: two-space JSON ending with a newline. */
export function renderJsonSchema(): string {
  return `${JSON.stringify(buildJsonSchema(), null, 2)}\n`;
}
