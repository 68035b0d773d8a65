import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import { CreateJoinLinkDto, DeclineJoinDto, JoinRequestQueryDto, type JoinLinkDto, type JoinRequestDto } from './join.dto.js';
import { JoinLinksService } from './join-links.service.js';
import { JoinRequestsService } from './join-requests.service.js';

@ApiTags('join 自助入会')
@Controller()
export class JoinAdminController {
  constructor(
    private readonly links: JoinLinksService,
    private readonly requests: JoinRequestsService,
  ) {}

  @Post('join-links')
  @Authorize(Permission.JoinLinkManage)
  create(@CurrentActor() actor: Actor, @Body() input: CreateJoinLinkDto): Promise<JoinLinkDto> {
    return this.links.create(actor, input);
  }

  @Get('join-links')
  @Authorize(Permission.JoinLinkManage)
  list(@CurrentActor() actor: Actor): Promise<JoinLinkDto[]> {
    return this.links.list(actor);
  }

  @Post('join-links/:id/revoke')
  @HttpCode(200)
  @Authorize(Permission.JoinLinkManage)
  revoke(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<JoinLinkDto> {
    return this.links.revoke(actor, id);
  }

  /** A printable A4 poster (PDF) with the QR code and the address. */
  @Get('join-links/:id/poster.pdf')
  @Authorize(Permission.JoinLinkManage)
  @ApiProduces('application/pdf')
  @Header('content-type', 'application/pdf')
  async posterPdf(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    return new StreamableFile(await this.links.poster(actor, id, 'pdf'), { disposition: 'attachment; filename="join-poster.pdf"' });
  }

  /** The QR code alone (PNG), for a unit's own poster or a chat group. */
  @Get('join-links/:id/qr.png')
  @Authorize(Permission.JoinLinkManage)
  @ApiProduces('image/png')
  @Header('content-type', 'image/png')
  async qrPng(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    return new StreamableFile(await this.links.poster(actor, id, 'png'));
  }

  @Get('join-requests')
  @Authorize(Permission.JoinRequestReview)
  queue(@CurrentActor() actor: Actor, @Query() query: JoinRequestQueryDto): Promise<JoinRequestDto[]> {
    return this.requests.list(actor, query);
  }

  @Post('join-requests/:id/confirm')
  @HttpCode(200)
  @Authorize(Permission.JoinRequestReview)
  confirm(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<JoinRequestDto> {
    return this.requests.confirm(actor, id);
  }

  @Post('join-requests/:id/decline')
  @HttpCode(200)
  @Authorize(Permission.JoinRequestReview)
  decline(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: DeclineJoinDto): Promise<JoinRequestDto> {
    return this.requests.decline(actor, id, input.reason);
  }
}
