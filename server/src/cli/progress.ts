/** A progress bar on stderr when it is a terminal and the run is long enough to want one; silent otherwise. */

export interface Progress {
  tick(): void;
  done(): void;
}

const MIN_FILES = 20;
const BAR = 30;

export function createProgress(total: number, stream: NodeJS.WriteStream): Progress {
  if (!stream.isTTY || total < MIN_FILES) return { tick() {}, done() {} };
  let count = 0;
  let shown = -1;
  const draw = () => {
    const filled = Math.round((count / total) * BAR);
    if (filled === shown && count !== total) return;
    shown = filled;
    stream.write(`\r[${'█'.repeat(filled)}${'░'.repeat(BAR - filled)}] ${count}/${total}`);
  };
  draw();
  return {
    tick() {
      count++;
      draw();
    },
    done() {
      stream.write('\r\u001b[2K');
    },
  };
}
