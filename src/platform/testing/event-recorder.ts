import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../jobs/domain-events.js';

export const TEST_RECORDER = 'test.recorder';

/**
 * Test hook: subscribes a no-op handler to the events named in TEST_RECORD_EVENTS (comma-separated), so an e2e test
 * can see in the outbox (`jobs` rows of type `event:<name>>test.recorder`) that an event was published in the same
 * transaction as its change, before any real subscriber module exists.
 */
@Injectable()
export class TestEventRecorder implements OnModuleInit {
  constructor(private readonly events: DomainEvents) {}

  onModuleInit(): void {
    for (const event of (process.env.TEST_RECORD_EVENTS ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
      this.events.subscribe(event, TEST_RECORDER, async () => undefined);
    }
  }
}
