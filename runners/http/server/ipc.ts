/** The server side of the IPC channel: to the harness, or to a cluster primary. */
import type { HarnessMessage, ServerMessage } from '../../contract/http-protocol.js';

/** `then` runs once the message is handed to the OS (before exiting, so it is not lost). */
export function sendToParent(message: ServerMessage, then?: () => void): void {
  // No channel means the harness (or the cluster primary) is gone: nobody wants an answer.
  if (!process.send || !process.connected) process.exit(0);
  process.send(message, undefined, undefined, () => then?.());
}

/** Handles the parent's messages; the parent closing the channel (its end, or its death) ends this process. */
export function onParentMessage(handler: (message: HarnessMessage) => void): void {
  process.on('message', (message) => handler(message as HarnessMessage));
  process.on('disconnect', () => process.exit(0));
}
