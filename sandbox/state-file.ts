import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { open, rename } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { type Snapshot, snapshotSchema } from "./persistence";

export const STATE_FILE = "state.json";

let writes = 0;

/** Writes `contents` so that a crash at any instant leaves either the old file or the new one, never half of one. */
async function writeAtomically(file: string, contents: string): Promise<void> {
  const temporary = `${file}.${process.pid}-${++writes}.tmp`;
  // The file holds tokens and client secrets, as Leaf's own database would: readable by its owner only.
  const handle = await open(temporary, "w", 0o600);
  try {
    await handle.writeFile(contents);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
  // The rename itself is durable only once the directory is synced.
  const dir = await open(path.dirname(file), "r");
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

/**
 * The sandbox's state on disk. Changes are saved at most once per `delayMs` (many requests in a burst make
 * one write) and once more on close; a restart loads the last save.
 */
export class StateFile {
  readonly file: string;
  private timer: NodeJS.Timeout | undefined;
  private saving: Promise<void> | undefined;
  private dirty = false;
  private lastSaveMs = 0;

  constructor(
    readonly dir: string,
    private readonly snapshot: () => Snapshot,
    private readonly delayMs = 250,
  ) {
    this.file = path.join(dir, STATE_FILE);
  }

  /**
   * The last saved state, or undefined when there is none. A file that cannot be read as one is moved aside
   * (named in the warning) rather than overwritten, so nothing is lost without a trace.
   */
  load(): Snapshot | undefined {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    // Left by a crash mid-write; the state file beside it is whole.
    for (const name of readdirSync(this.dir)) if (name.endsWith(".tmp")) rmSync(path.join(this.dir, name));
    if (!existsSync(this.file)) return undefined;
    try {
      return snapshotSchema.parse(JSON.parse(readFileSync(this.file, "utf8")));
    } catch (error) {
      const aside = `${this.file}.unreadable-${Date.now()}`;
      renameSync(this.file, aside);
      const why = error instanceof z.ZodError ? "it is not a state this version understands" : (error as Error).message;
      console.warn(`sandbox: starting empty; the saved state could not be read (${why}). It was moved to ${aside}`);
      return undefined;
    }
  }

  /** Something changed: save soon, together with whatever else changes meanwhile. */
  changed(): void {
    this.dirty = true;
    if (this.timer || this.saving) return;
    // A big state (10,000 seeded growers are ~20 MB) is saved less often, so saving never takes more than
    // about a fifth of the sandbox's time.
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.saving = this.save().finally(() => {
          this.saving = undefined;
          if (this.dirty) this.changed();
        });
      },
      Math.max(this.delayMs, 4 * this.lastSaveMs),
    );
    this.timer.unref();
  }

  /** Saves what is not saved yet, after any save in flight (which would otherwise land last). On close. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.saving;
    if (this.dirty) await this.save();
  }

  private async save(): Promise<void> {
    this.dirty = false;
    const started = performance.now();
    try {
      // Serialized at once, written in the background: requests go on being served while the disk works.
      await writeAtomically(this.file, JSON.stringify(this.snapshot()));
      this.lastSaveMs = performance.now() - started;
    } catch (error) {
      // The sandbox keeps serving from memory; the next change tries again.
      this.dirty = true;
      console.error(`sandbox: could not save its state to ${this.file}: ${(error as Error).message}`);
    }
  }
}
