import { Module } from '@nestjs/common';
import { TestHooksController } from './test-hooks.controller.js';

/** The e2e suite's hooks (clock, job queue). Imported only when TEST_HOOKS=true; PlatformModule then uses a ManualClock. */
@Module({ controllers: [TestHooksController] })
export class TestHooksModule {}
