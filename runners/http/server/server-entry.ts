/**
 * Entry of the benchmark server process (and of each cluster process, which runs the
 * same file): argv[2] is a ServerSpec as JSON. A failure to start is reported to the
 * parent as one `fatal` message, then the process exits.
 */
import cluster from 'node:cluster';
import { runClusterPrimary } from './cluster-primary.js';
import { sendToParent } from './ipc.js';
import { errorMessage } from '../../common/error-message.js';
import type { ServerSpec } from '../../contract/http-protocol.js';
import { strategyFacts } from '../../contract/strategies.js';
import { serve } from './serve.js';

const spec = JSON.parse(process.argv[2] ?? 'null') as ServerSpec | null;
if (!spec || !process.send) {
  console.error('server entry: expected a ServerSpec JSON argument and an IPC channel (the harness starts it)');
  process.exit(2);
}
try {
  if (strategyFacts(spec.strategy)?.eachServerRuns !== undefined && cluster.isPrimary) await runClusterPrimary(spec);
  else await serve(spec);
} catch (error) {
  sendToParent({ type: 'fatal', message: errorMessage(error) }, () => process.exit(1));
}
