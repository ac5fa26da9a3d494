/**
 * The extension is active in every window holding plain text (so that a plainly named report can be switched to
 * the report language), but the language server process starts only once a report document is open: opening a
 * README costs no process. Restarting is a command. Pure but for the injected client: unit-tested.
 */
export interface Startable {
  start(): Promise<void>;
  restart(): Promise<void>;
  isRunning(): boolean;
}

export class ServerStart {
  private starting: Promise<void> | undefined;

  constructor(
    private readonly client: Startable,
    /** Runs after every successful start (trust relay, status refresh). */
    private readonly afterStart: () => Promise<void>,
  ) {}

  get started(): boolean {
    return this.starting !== undefined;
  }

  /** Starts the server once; later calls wait for the same start. */
  ensureStarted(): Promise<void> {
    this.starting ??= this.client.start().then(() => this.afterStart());
    return this.starting;
  }

  /** Starts documents of the given language ids if any is a report. */
  considerLanguages(languageIds: Iterable<string>, reportLanguage: string): Promise<void> | undefined {
    for (const id of languageIds) if (id === reportLanguage) return this.ensureStarted();
    return undefined;
  }

  /** `xxgk.restartServer`: a running server restarts, one never started (or stopped for good) starts. */
  async restart(): Promise<void> {
    if (this.starting !== undefined && this.client.isRunning()) {
      await this.client.restart();
      await this.afterStart();
      return;
    }
    if (this.starting !== undefined) {
      // Failed or given up after crashes: start afresh.
      this.starting = undefined;
    }
    await this.ensureStarted();
  }
}
