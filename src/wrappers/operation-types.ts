// Types of each operation's arguments and result, derived from the generated `operations`
// interface, so that a change to openapi.yaml reaches every wrapper through `tsc`.
import type { operationSpecs } from "../generated/operations.js";
import type { operations } from "../generated/schema.js";
import type { CallOptions } from "./options.js";

export type OperationId = keyof operations;

/** What the client knows of an operation at run time: method, path, parameters, retry safety. */
export type OperationSpec = (typeof operationSpecs)[OperationId];

type Parameters<Op extends OperationId> = operations[Op]["parameters"];
type Present<T> = [NonNullable<T>] extends [never] ? unknown : NonNullable<T>;

/** One options object: the path parameters (appId optional), the query parameters, and CallOptions. */
export type OperationInput<Op extends OperationId> = Omit<Present<Parameters<Op>["path"]>, "appId"> &
  Present<Parameters<Op>["query"]> &
  CallOptions;

type Responses<Op extends OperationId> = operations[Op]["responses"];
type SuccessStatus<Op extends OperationId> = Extract<keyof Responses<Op>, 200 | 201 | 204>;
type JsonBody<R> = R extends { content: { "application/json": infer Body } } ? Body : void;

/** The parsed success body, or void for operations that answer 204. */
export type OperationResult<Op extends OperationId> = JsonBody<Responses<Op>[SuccessStatus<Op>]>;
