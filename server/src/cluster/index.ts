// What a process of a cluster loads at start, and only then (server.ts imports it when ACCORD_REDIS_URL is set): a
// single laptop never holds ioredis and the bus in memory.
export { ClusterBus } from './clusterBus.ts';
export { ClusterEvents } from './clusterEvents.ts';
export { closeRedis, connectRedis } from './redisConnection.ts';
