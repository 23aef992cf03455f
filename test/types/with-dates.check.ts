// Checked by `npm run typecheck` (tsc), not run. Each @ts-expect-error line must be an error:
// if withDates typed a field wrongly (a string left a string, a nullable Date made non-null,
// any other field changed), tsc reports the unused directive and `npm test` fails.
import { withDates, type ProcessV2, type ProcessV3 } from "../../src/index.js";

declare const v3: ProcessV3;
declare const v2: ProcessV2;
const dated3 = withDates(v3);
const dated2 = withDates(v2);

// Required date-time fields become Date; nullable ones Date | null.
export const created3: Date = dated3.createdAt;
export const created2: Date = dated2.createdAt;
export const booted: Date | null = dated3.bootedAt;
export const scheduled: Date | null = dated3.scheduledAt;
export const started: Date | null = dated2.startedAt;
export const stopping: Date | null = dated3.stoppingAt;
export const terminated: Date | null = dated2.terminatedAt;

// @ts-expect-error createdAt is a Date now, not a string
export const createdString: string = dated3.createdAt;
// @ts-expect-error startedAt is nullable in the spec, so it is not a plain Date
export const startedNotNull: Date = dated3.startedAt;
// @ts-expect-error terminatedAt is nullable in v2 too
export const terminatedNotNull: Date = dated2.terminatedAt;
// @ts-expect-error v2 has no bootedAt
export const noBootedAt = dated2.bootedAt;

// Everything else keeps its generated type.
export const deployment3: string = dated3.deploymentId;
export const deployment2: number = dated2.deploymentId;
export const status: ProcessV3["status"] = dated3.status;
export const exitReason: string | undefined = dated3.summaryExitReason;
// @ts-expect-error deploymentId is a string in v3
export const deploymentNumber: number = dated3.deploymentId;
// @ts-expect-error region keeps its enum type
export const region: "Atlantis" = dated3.region;

// Only schemas with date-time fields are accepted.
// @ts-expect-error a count has no timestamps
withDates({ count: 3 });
