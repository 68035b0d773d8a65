import { Module } from '@nestjs/common';
import { TestEventRecorder } from './event-recorder.js';
import { TestHooksController } from './test-hooks.controller.js';
import { TestJobs } from './test-jobs.js';

/** The e2e suite's hooks (clock, job queue). Imported only when TEST_HOOKS=true; PlatformModule then uses a ManualClock. */
@Module({ controllers: [TestHooksController], providers: [TestEventRecorder, TestJobs] })
export class TestHooksModule {}
