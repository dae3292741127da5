/**
 * Entry point of the standalone server, `claim-language-server --stdio`: any
 * LSP client can start it. Nothing here writes to stdout once the server runs,
 * because stdout carries the protocol.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { serverName, startServer } from '../server';

const usage = `${serverName}

Usage: claim-language-server --stdio
       claim-language-server --node-ipc | --socket=PORT | --pipe=NAME

Speaks the Language Server Protocol for .claim files: hover, completion,
diagnostics and quick fixes. Settings are read from the client under 'cptClaims'.
`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(usage);
} else if (args.includes('--version')) {
  process.stdout.write('0.1.0\n');
} else if (!args.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket') || arg.startsWith('--pipe') || arg.startsWith('--clientProcessId'))) {
  process.stderr.write(`claim-language-server: say how to talk to the client, e.g. --stdio.\n\n${usage}`);
  process.exitCode = 2;
} else {
  startServer(createConnection(ProposedFeatures.all));
}
