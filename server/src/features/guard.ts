/**
 * Never crash: a feature that throws is logged with its name and answers a fallback; the server
 * keeps serving. Cancellation (a ResponseError) passes through untouched.
 */
import { ResponseError, type CancellationToken } from 'vscode-languageserver/node';

export type Handler<P, R> = (params: P, token: CancellationToken) => R | Promise<R>;

export function guarded<P, R>(feature: string, log: (message: string) => void, fallback: () => R, handler: Handler<P, R>): Handler<P, R> {
  return async (params, token) => {
    try {
      return await handler(params, token);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      log(`[${feature}] ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return fallback();
    }
  };
}
