// extensionTestsPath of a suite that fails on purpose: proves that failures reach the harness.
import { runSuite } from '../../suiteIndex';

export const run = (): Promise<void> => runSuite(__dirname);
