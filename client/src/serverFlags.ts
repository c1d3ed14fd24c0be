/**
 * Node flags the server runs with, wherever it is started as a Node process: by the extension
 * (`nodeHost.ts`), the protocol tests and the bench (`test/support/lspClient.ts`, `bench/run.ts`),
 * and in the README's Neovim setup.
 *
 * `--max-semi-space-size=8` (MB; Node's default grows it to 16): analysing a 1 MB note allocates
 * fast, and a young generation twice this size only grows the process, not its speed. With the
 * bench's five open notes (two of 1 MB) the server held 164 MB right after opening them and
 * 137 MB with the flag; analysis times were the same (4 MB saved 7 MB more but made a 1 MB note's
 * analysis 15-30 % slower).
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=8'];
