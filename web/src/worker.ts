/**
 * The page's Web Worker: converts and checks one file at a time, off the page's thread. A file that takes too
 * long gets this whole worker terminated by the page (page/pool.ts), which starts a fresh one for the next file.
 * pdf.js parses in this thread: its worker module is loaded here and found on `globalThis.pdfjsWorker`, so it
 * starts no worker of its own (and needs no URL to load one from).
 */
import { compareReports, DEFAULT_THRESHOLD, parseReport } from '../../server/src/engine';
import { checkBytes, checkText } from './check/check-file';
import type { FromWorker, ToWorker } from './check/messages';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const m = event.data;
  const start = performance.now();
  scope.postMessage({ type: 'started', id: m.id });
  if (m.type === 'compare') {
    try {
      const comparison = compareReports(parseReport(m.previous), parseReport(m.current), { threshold: DEFAULT_THRESHOLD });
      scope.postMessage({ type: 'compared', id: m.id, comparison, ms: performance.now() - start });
    } catch (error) {
      scope.postMessage({ type: 'failed', id: m.id, error: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  const work = m.type === 'bytes' ? checkBytes(m.name, m.bytes, m.locale) : Promise.resolve(checkText(m.name, m.text, m.locale));
  work.then(
    (result) => scope.postMessage({ type: 'result', id: m.id, result, ms: performance.now() - start }),
    (error: unknown) => scope.postMessage({ type: 'failed', id: m.id, error: error instanceof Error ? error.message : String(error) }),
  );
};
