import { writeSync } from "node:fs";

/**
 * Log lines to standard output, written together once per turn of the event loop: Node writes stdout to a file or a pipe
 * synchronously, one system call per `console.log`, which under load costs the endpoint a fifth of its time. Lines keep
 * their order; what is pending is written at once on `flush` (shutdown) and when the process exits.
 */
export function createLogLines(fd = 1) {
  let pending: string[] = [];
  let scheduled = false;
  function flush() {
    scheduled = false;
    if (!pending.length) return;
    const text = `${pending.join("\n")}\n`;
    pending = [];
    const bytes = Buffer.from(text);
    // a pipe may take part of it at a time
    for (let written = 0; written < bytes.length; ) {
      try {
        written += writeSync(fd, bytes, written);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EAGAIN") return;
      }
    }
  }
  process.once("exit", flush);
  return {
    /** Queues one line (without its newline). */
    write(line: string) {
      pending.push(line);
      if (scheduled) return;
      scheduled = true;
      setImmediate(flush);
    },
    flush,
  };
}
