#!/usr/bin/env node
'use strict';
// The language server for editors other than VS Code: over standard input and output unless told otherwise.
const transports = ['--stdio', '--node-ipc', '--socket', '--pipe'];
if (!process.argv.some((a) => transports.some((t) => a === t || a.startsWith(t + '=')))) process.argv.push('--stdio');
require('../../dist/server.js');
