// Types of each operation's arguments and result, derived from the generated `operations`
// interface, so that a change to openapi.yaml reaches every wrapper through `tsc`.
import type { operationSpecs } from "../generated/operations.js";
import type { operations } from "../generated/schema.js";
import type { CallOptions } from "./options/call-options.js";

/** The operationIds of openapi.yaml. */
export type OperationId = keyof operations;

/** What the client knows of an operation at run time: method, path, parameters, retry safety. */
export type OperationSpec = (typeof operationSpecs)[OperationId];

// The two types below are written out in full, without helper aliases, so that the exported API
// (etc/hathora-processes.api.md) names nothing it does not export.

/** One options object: the path parameters (appId optional), the query parameters, and CallOptions. */
export type OperationInput<Op extends OperationId> = Omit<NonNullable<operations[Op]["parameters"]["path"]>, "appId"> &
  ([NonNullable<operations[Op]["parameters"]["query"]>] extends [never] ? unknown : NonNullable<operations[Op]["parameters"]["query"]>) &
  CallOptions;

/** The parsed success body, or void for operations that answer 204. */
export type OperationResult<Op extends OperationId> =
  operations[Op]["responses"][Extract<keyof operations[Op]["responses"], 200 | 201 | 204>] extends { content: { "application/json": infer Body } }
    ? Body
    : void;
