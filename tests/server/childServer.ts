/**
 * A class server in a process of its own, for the tests that measure its memory: started by child.ts with its
 * options as JSON in CHILD_SERVER_OPTIONS, it sends its address when it listens and its memory (after a full
 * garbage collection) whenever it is asked.
 */
import { startClassServer, type ClassServerOptions } from '../../src/server/class/start';
import { testBank } from './helpers';

const options = JSON.parse(process.env.CHILD_SERVER_OPTIONS ?? '{}') as Partial<ClassServerOptions>;
const server = await startClassServer({ bank: testBank(), dbPath: ':memory:', port: 0, host: '127.0.0.1', ...options });

process.on('message', (message: { type: string }) => {
  if (message.type === 'memory') {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
    process.send!({ type: 'memory', rss, heapUsed, external, arrayBuffers, streams: server.hub.openStreams });
  }
  if (message.type === 'stop') void server.close().then(() => process.exit(0));
});
process.send!({ type: 'ready', url: server.url });
