import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../platform/auth/actor.js';
import { Authorize } from '../../platform/auth/authorize.decorator.js';
import { Permission } from '../../platform/auth/permissions.js';
import { CreateUserDto, UpdateUserDto, type UserDto } from './user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users 用户')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Authorize(Permission.UserRead)
  list(@CurrentActor() actor: Actor): Promise<UserDto[]> {
    return this.users.list(actor);
  }

  @Post()
  @Authorize(Permission.UserManage)
  create(@CurrentActor() actor: Actor, @Body() input: CreateUserDto): Promise<UserDto> {
    return this.users.create(actor, input);
  }

  @Patch(':id')
  @Authorize(Permission.UserManage)
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: UpdateUserDto): Promise<UserDto> {
    return this.users.update(actor, id, input);
  }
}
