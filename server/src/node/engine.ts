/**
 * How V8 compiles the analysis. Set by each process that analyses (the command
 * line, the language server) before it reads its first file.
 */
import * as v8 from 'v8';

/**
 * Caps how much code TurboFan inlines into one optimized function (by default
 * 920 bytes of bytecode). The analysis is hundreds of small functions, each hot
 * for a moment; with the default budget V8 spends more time compiling than a
 * one-off command line run gains from the compiled code, and a process
 * analyses on its unoptimized code while its compiler thread catches up.
 * Measured on this project's benchmark (medians of 8 processes, 2 cores): the
 * generated 20 MB template, first analysis of a process -11%, second -14%,
 * later ones unchanged; the 993 quickstarts -19% / -8%; the 277 Bicep files
 * -15% / -24% / -30%. A budget of 100 to 150 does as well; 50 is slower again.
 * Only compilation is tuned: no result depends on it.
 */
export function tuneEngine(): void {
  v8.setFlagsFromString('--max-inlined-bytecode-size-cumulative=120');
}
