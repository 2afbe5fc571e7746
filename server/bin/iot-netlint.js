#!/usr/bin/env node
'use strict';
const cli = require('../../dist/cli.js');
// This process is the command line's own: V8 is set up for the analysis before it reads anything.
cli.tuneEngine();
process.exitCode = cli.run(process.argv.slice(2));
