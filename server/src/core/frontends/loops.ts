/**
 * How far resource and module loops over known lists are unrolled: a Bicep
 * `[for x in list: {…}]` and an ARM `copy` with a known count give one
 * instance per item, each with its item's values, up to these bounds; past
 * them one instance stands for the loop, its item and index unknown.
 */

/**
 * Instances of one loop. Azure Resource Manager deploys at most 800 copies per loop, so every loop it accepts is
 * unrolled; a longer one is not a deployment Azure takes, and one instance keeps a generated file cheap.
 */
export const MAX_LOOP_INSTANCES = 1000;

/**
 * Instances of all loops of one file's analysis (its modules and nested deployments included): loops inside loops
 * (a module loop deploying a file with its own loops) multiply, and this keeps the model near the size of the
 * largest template the benchmark reads (10,000 resources). Loops met past it have one instance each.
 */
export const MAX_LOOP_INSTANCES_TOTAL = 10_000;

/** What is left of MAX_LOOP_INSTANCES_TOTAL in one analysis. */
export class LoopBudget {
  private left = MAX_LOOP_INSTANCES_TOTAL;

  /** Whether a loop of this many items is unrolled; if so, they are taken from what is left. */
  take(count: number): boolean {
    if (count > MAX_LOOP_INSTANCES || count > this.left) return false;
    this.left -= count;
    return true;
  }
}
