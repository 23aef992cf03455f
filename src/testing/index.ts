// hathora-processes/testing: a stateful fake Hathora for testing code that uses the client.
// Not part of the main entry, so bundles of the client do not carry it.
export { createFakeHathora, type FakeHathora, type FakeHathoraOptions, type FakeClientOptions } from "./fake-hathora.js";
export type { VirtualClock } from "./virtual-clock.js";
export type { FakeCall } from "./calls.js";
export type { FakeFailure, FailureTarget } from "./failures.js";
export type { FakeRateLimit } from "./rate-limit.js";
export type { SeedProcess } from "../engines/fake/process-store.js";
export type { FakeServer, ListenOptions } from "./listen.js";
