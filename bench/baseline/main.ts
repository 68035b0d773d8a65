/**
 * The baseline: a bare NestJS + TypeORM endpoint reading one worker row by id from the same database, with no
 * auth, scope, audit or encryption. The bench reports every Xingang route as a ratio of this. BASELINE_ADAPTER=fastify
 * serves the same module on @nestjs/platform-fastify (the Fastify decision: what the adapter alone saves).
 */
import 'reflect-metadata';
import { Controller, Get, Injectable, Module, NotFoundException, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import { Column, Entity, PrimaryColumn, Repository } from 'typeorm';
import { dataSourceOptions } from '../../src/platform/database/data-source-options.js';

@Entity('workers')
class BaselineWorker {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'varchar' }) name: string;
  @Column({ type: 'uuid', name: 'org_unit_id' }) orgUnitId: string;
}

@Injectable()
class BaselineService {
  constructor(@InjectRepository(BaselineWorker) private readonly workers: Repository<BaselineWorker>) {}
  async get(id: string): Promise<BaselineWorker> {
    const worker = await this.workers.findOneBy({ id });
    if (!worker) throw new NotFoundException();
    return worker;
  }
}

@Controller('baseline')
class BaselineController {
  constructor(private readonly service: BaselineService) {}
  @Get('workers/:id')
  get(@Param('id') id: string): Promise<BaselineWorker> {
    return this.service.get(id);
  }
}

@Module({
  imports: [
    TypeOrmModule.forRoot({ ...dataSourceOptions(process.env.DATABASE_URL!), migrations: [], entities: [BaselineWorker] }),
    TypeOrmModule.forFeature([BaselineWorker]),
  ],
  controllers: [BaselineController],
  providers: [BaselineService],
})
class BaselineModule {}

const app =
  process.env.BASELINE_ADAPTER === 'fastify'
    ? await NestFactory.create<NestFastifyApplication>(BaselineModule, new FastifyAdapter(), { logger: false })
    : await NestFactory.create(BaselineModule, { logger: false });
await app.listen(0);
const server = app.getHttpServer() as { address(): { port: number } };
console.log(`XINGANG_LISTENING port=${server.address().port}`);
