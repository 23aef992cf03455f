// hathora-processes/redis: a rate limit that several replicas of a service share through Redis.
// Not part of the main entry: only a service that imports this subpath needs its optional peer
// dependencies, rate-limiter-flexible and a Redis client (ioredis or node-redis).
export { createRedisRateLimiter, type RedisRateLimiterOptions } from "./redis-rate-limiter.js";
