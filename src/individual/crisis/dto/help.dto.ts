import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { CrisisHelpDto } from '../../../platform/help/crisis-help.dto.js';

/** A worker asks for urgent help (紧急求助). Everything is optional: pressing the button is enough. */
export class AskForHelpDto {
  /** In your own words, what is happening (only the counsellors serving you will read it). */
  @IsOptional() @IsString() @MaxLength(2000)
  message?: string;

  /** A number to call you back on, if not the one on your profile. */
  @IsOptional() @IsString() @Matches(/^[0-9+\-() ]{3,30}$/)
  callbackPhone?: string;

  /** Are you in danger right now? */
  @IsOptional() @IsBoolean()
  inDangerNow?: boolean;
}

/** The answer to a request for help: support and the help lines, never a clinical label. */
export class HelpResponseDto {
  receivedAt: string;
  help: CrisisHelpDto;
}
