/**
 * Workspace trust as the language server learns it. The server reads no `.xxgkrc.json` while the workspace is
 * untrusted; it is told the state once in `initializationOptions` and later by a notification. Trust may be
 * granted at any moment: before the server starts (the client now starts only when a report appears), while it
 * starts, or after. The state is read when the server is initialised, not when the client object is made, and
 * a grant that arrives before the server could be told is sent once it has started. Pure: no vscode import.
 */
import type { InitializationOptions } from '../../server/src/protocol';

export class TrustRelay {
  /** What the running server was told; undefined before it was initialised. */
  private told: boolean | undefined;

  constructor(
    private readonly isTrusted: () => boolean,
    /** Sends the "trust granted" notification to a running server. */
    private readonly notify: () => Promise<void>,
  ) {}

  /** For `LanguageClientOptions.initializationOptions`: evaluated each time the server is initialised (restart too). */
  initializationOptions(): InitializationOptions {
    this.told = this.isTrusted();
    return { trusted: this.told };
  }

  /** The server has started: tell it of a grant it could not be told at initialisation. */
  async started(): Promise<void> {
    if (this.told === false && this.isTrusted()) await this.tell();
  }

  /** The user granted trust: tell a running server now; one not yet initialised reads it then. */
  async granted(running: boolean): Promise<void> {
    if (running && this.told === false) await this.tell();
  }

  private async tell(): Promise<void> {
    this.told = true;
    try {
      await this.notify();
    } catch {
      // The server stopped meanwhile; its next initialisation reads the state again.
      this.told = undefined;
    }
  }
}
