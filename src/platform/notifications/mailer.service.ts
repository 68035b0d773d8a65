import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import nodemailer, { type Transporter } from 'nodemailer';
import type { AppConfig } from '../config/app-config.js';
import { JobQueue } from '../jobs/job-queue.service.js';

export const MAIL_JOB = 'mail.send';

/** Sends queued email over SMTP (nodemailer). Runs outside any transaction; a failed send is retried by the queue. */
@Injectable()
export class MailerService implements OnModuleInit {
  private transporter: Transporter | null = null;

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly queue: JobQueue,
  ) {}

  onModuleInit(): void {
    const url = this.config.get('SMTP_URL', { infer: true });
    if (url) this.transporter = nodemailer.createTransport(url);
    this.queue.register(MAIL_JOB, (payload) => this.send(payload), { transactional: false });
  }

  private async send(payload: Record<string, unknown>): Promise<void> {
    if (!this.transporter) throw new Error('SMTP is not configured');
    await this.transporter.sendMail({
      from: this.config.get('MAIL_FROM', { infer: true }),
      to: String(payload.to),
      subject: String(payload.subject),
      text: String(payload.text),
    });
  }
}
