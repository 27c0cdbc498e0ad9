/**
 * The V8 flags `npm start` gives node (package.json's `start`, checked by server/test/startCommand.test.ts), for the
 * tools that start the server themselves: the benchmarks and the tests that run it in its own process.
 *
 * `--max-semi-space-size=8`: V8's young generation is two semi-spaces, which it grows from 1 MiB each up to 16 MiB
 * while much of what it allocates survives a collection. Starting and the first clients take it to 8 MiB; a sustained
 * load of large changes (the stalled-reader benchmark: two writers sending 32 KiB every 10 ms) took it to 16, 16 MiB
 * more resident memory for as long as the server runs. Capped at 8, it is collected more often under that load: 69
 * scavenges in 10 s instead of 41-49, taking 0.3-0.65 s instead of 0.2-0.4 s (docs/reliability.md, issue 14 item 2).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];
