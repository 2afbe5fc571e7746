/** Writes server/schemas/iot-netlint.schema.json from the rule catalog (`npm run schema`). */
import * as fs from 'fs';
import * as path from 'path';
import { configSchema } from '../core/configSchema';
import { RULES } from '../core/rules';

const target = path.resolve(__dirname, '..', '..', '..', '..', 'server', 'schemas', 'iot-netlint.schema.json');
fs.writeFileSync(target, JSON.stringify(configSchema(RULES), null, 2) + '\n');
console.log(`Wrote ${path.relative(process.cwd(), target)}`);
