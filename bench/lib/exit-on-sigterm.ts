/**
 * Preloaded (`node --import`) into an app profiled with `--cpu-prof`: V8 writes the profile only on a normal exit,
 * and Nest's shutdown hook ends the process by re-raising the signal, so exit first (this listener runs before Nest's).
 */
process.once('SIGTERM', () => process.exit(0));
