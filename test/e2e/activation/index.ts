// The module the extension host loads for `npm run bench:lsp`: measures the extension's activation.
import { runSuite } from '../suiteIndex';

export const run = (): Promise<void> => runSuite(__dirname);
