import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { CORE_SCHEMA, load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { buildJsonSchema, JSON_SCHEMA_PATH, renderJsonSchema } from "../../src/config/json-schema.js";
import { PACKAGE_ROOT } from "../../src/paths.js";

const sketch = load(readFileSync(new URL("./fixtures/spec-sketch.yml", import.meta.url), "utf8"), { schema: CORE_SCHEMA });

describe("the shipped JSON Schema", () => {
  it("is in sync with the zod schema", () => {
    const checkedIn = readFileSync(join(PACKAGE_ROOT, JSON_SCHEMA_PATH), "utf8");
    expect(checkedIn === renderJsonSchema(), `${JSON_SCHEMA_PATH} is out of date: run npm run schema`).toBe(true);
  });

  it("names itself and describes the file", () => {
    const schema = buildJsonSchema();
    expect(schema).toMatchObject({ $schema: "https://json-schema.org/draft/2020-12/schema", title: expect.stringContaining("incident-response.yml") });
    expect(typeof schema.$id).toBe("string");
    expect(schema.required).toEqual(["oncall"]);
  });

  describe("as an editor would use it", () => {
    const validate = new Ajv2020({ strict: false }).compile(buildJsonSchema());

    it("accepts the SPEC sketch and a file that extends another", () => {
      expect(validate(sketch), JSON.stringify(validate.errors)).toBe(true);
      expect(validate({ _extends: ".github", oncall: { rotation: ["alice"], securityOfficer: "erin" } })).toBe(true);
    });

    it("rejects unknown keys, a missing Security Officer and wrong values", () => {
      expect(validate({ oncall: { rotation: ["alice"], securityOfficer: "erin" }, colour: "blue" })).toBe(false);
      expect(validate({ oncall: { rotation: ["alice"] } })).toBe(false);
      expect(validate({ oncall: { rotation: ["alice"], securityOfficer: "erin" }, calendar: { workingDays: ["monday"] } })).toBe(false);
    });
  });
});
