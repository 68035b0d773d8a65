import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback that keeps what it receives: the app sends to it through nodemailer. */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  private server: SMTPServer;
  port = 0;

  /** Senders waiting on a slow sink's answer to MAIL FROM (nothing is kept until the message is through). */
  waiting = 0;

  /** `delayMs`: answer MAIL FROM only after this long, as a slow mail relay does. */
  constructor(private readonly options: { delayMs?: number } = {}) {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onMailFrom: (_address, _session, callback) => {
        if (!this.options.delayMs) return callback();
        this.waiting += 1;
        setTimeout(() => {
          this.waiting -= 1;
          callback();
        }, this.options.delayMs);
      },
      onData: (stream, session, callback) => {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          this.messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as { port: number }).port;
    return `smtp://127.0.0.1:${this.port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  to(address: string): ReceivedMail[] {
    return this.messages.filter((m) => m.to.includes(address));
  }
}
