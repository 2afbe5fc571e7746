// The module the extension host loads as extensionTestsPath: runs the *.exthost.js suites of this folder.
import { runSuite } from '../suiteIndex';

export const run = (): Promise<void> => runSuite(__dirname);
