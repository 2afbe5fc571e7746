// extensionTestsPath of the fixture's passing suite (compiled to out/test/e2e/fixture-extension/suite/index.js).
import { runSuite } from '../../suiteIndex';

export const run = (): Promise<void> => runSuite(__dirname);
