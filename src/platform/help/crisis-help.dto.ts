/** One help line (HELP_LINES): a number to call and what it is. */
export class HelpLineDto {
  number: string;
  label: string;
}

/**
 * Shown to a worker instead of clinical labels when a result is a crisis, and on the crisis self-help and safety-plan
 * pages: a kernel piece, so each tier that shows it uses the same words and lines.
 */
export class CrisisHelpDto {
  zh: string;
  en: string;
  lines: HelpLineDto[];
}
