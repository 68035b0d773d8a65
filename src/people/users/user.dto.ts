import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, IsBoolean } from 'class-validator';
import { ROLES, type Role } from '../../platform/auth/permissions.js';
import { HasText } from '../../platform/http/validation.js';

export class UserDto {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: string;
  workerId: string | null;
  email: string | null;
  active: boolean;
}

export class CreateUserDto {
  @IsString() @Matches(/^[a-zA-Z0-9_.-]{3,64}$/, { message: 'username must be 3-64 letters, digits, _ . - / 用户名须为 3-64 位字母、数字或 _ . -' })
  username: string;

  @IsString() @MinLength(10, { message: 'password must be at least 10 characters / 密码至少 10 位' }) @MaxLength(200)
  password: string;

  @IsIn(ROLES)
  role: Role;

  @IsUUID()
  orgUnitId: string;

  /** Required for role `worker`: the worker profile the account belongs to. */
  @IsOptional() @IsUUID()
  workerId?: string;

  @IsOptional() @IsString() @HasText() @MaxLength(100)
  displayName?: string;

  @IsOptional() @IsEmail()
  email?: string;
}

export class UpdateUserDto {
  @IsOptional() @IsBoolean()
  active?: boolean;

  @IsOptional() @IsString() @MinLength(10) @MaxLength(200)
  password?: string;

  @IsOptional() @IsEmail()
  email?: string;

  @IsOptional() @IsString() @HasText() @MaxLength(100)
  displayName?: string;

  /** A staff account's new role (worker accounts keep theirs: they belong to a worker profile). */
  @IsOptional() @IsIn(ROLES.filter((role) => role !== 'worker'))
  role?: Exclude<Role, 'worker'>;

  /** A staff account's new unit, in your scope (a worker account's unit follows its worker profile). */
  @IsOptional() @IsUUID()
  orgUnitId?: string;
}
