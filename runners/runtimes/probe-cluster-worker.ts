/** A cluster worker for the probe: says it is up, then waits to be killed. */
process.send?.('cluster-worker-online');
setTimeout(() => process.exit(0), 10_000);
