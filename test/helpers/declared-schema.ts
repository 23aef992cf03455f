// What openapi.yaml declares for an operation's answer with a given status, so that a test can
// validate every answer of the fake or the server against it.
import { operationSpecs } from "../../src/generated/operations.js";
import { matchRoute } from "../../src/service/routes.js";
import { openapi } from "./examples.js";
import { rebase, specValidator } from "./json-schema.js";

/** The JSON schema openapi.yaml declares for an operation's answer with this status, or "empty"; undefined when undeclared. */
export function declaredSchema(operationId: string, status: number): unknown {
  for (const item of Object.values<Record<string, any>>(openapi.paths)) {
    for (const operation of Object.values<any>(item)) {
      if (operation.operationId !== operationId) continue;
      let response = operation.responses[String(status)];
      if (response === undefined) return undefined;
      if (response.$ref) response = openapi.components.responses[response.$ref.split("/").pop()];
      return response.content === undefined ? "empty" : rebase(response.content["application/json"].schema);
    }
  }
  return undefined;
}

const validator = specValidator(true);

/**
 * Problems of one answer against the spec: an undeclared status, a body where none is
 * declared, or a body that does not validate. An empty list means the answer tells the truth.
 */
export function answerProblems(method: string, path: string, status: number, text: string): string[] {
  const operationId = matchRoute(method, path)?.operationId;
  if (operationId === undefined) return [`${method} ${path}: no operation of the spec`];
  if (!(operationId in operationSpecs)) return [`${operationId}: unknown`];
  const schema = declaredSchema(operationId, status);
  if (schema === undefined) return [`${operationId}: undeclared status ${status}`];
  if (schema === "empty") return text === "" ? [] : [`${operationId} ${status}: body where none is declared`];
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [`${operationId} ${status}: not JSON: ${text.slice(0, 200)}`];
  }
  const errors = validator.check(schema, body);
  return errors.length === 0 ? [] : [`${operationId} ${status}: ${JSON.stringify(errors)} in ${text.slice(0, 500)}`];
}
