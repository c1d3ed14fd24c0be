import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { bundledDataDir, loadBundled } from './knowledge/bundledData';
import { readHubPlaces } from './hub/places';
import { nodeWorkspace } from './workspace/nodeWorkspace';
import { startServer } from './server/index';
import { loadChartRenderer } from './chart/load';

// The transport (`--stdio`, `--node-ipc`, `--socket=N`) comes from argv.
const connection = createConnection(ProposedFeatures.all);
startServer(connection, {
  bundledKnowledge: (logger) => loadBundled(logger),
  workspace: nodeWorkspace,
  hubPlaces: () => readHubPlaces(bundledDataDir()),
  chartRenderer: () => loadChartRenderer(),
});
