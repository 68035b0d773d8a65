import { Injectable } from '@nestjs/common';

/** Something holding long-lived connections (server push) that must let go on shutdown. */
export type DrainHook = () => Promise<void> | void;

/**
 * Whether this instance is shutting down, for readiness and for the parts that must let go of clients. A module that
 * keeps connections open (the SSE push in src/platform/push) registers a hook with `onDrain` that closes them with a
 * reconnect hint (`retry:`), so browsers move to another instance instead of waiting on a dead socket.
 */
@Injectable()
export class Lifecycle {
  private drainingSince: Date | null = null;
  private readonly hooks = new Map<string, DrainHook>();

  get draining(): boolean {
    return this.drainingSince !== null;
  }

  onDrain(name: string, hook: DrainHook): void {
    this.hooks.set(name, hook);
  }

  /** Marks the instance as draining and runs every hook (their failures are reported, not thrown). */
  async startDraining(): Promise<string[]> {
    this.drainingSince ??= new Date();
    const failed: string[] = [];
    await Promise.all(
      [...this.hooks].map(async ([name, hook]) => {
        try {
          await hook();
        } catch {
          failed.push(name);
        }
      }),
    );
    return failed;
  }
}
