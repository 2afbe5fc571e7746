/**
 * Evaluates ARM template expressions to model values. Anything it does not
 * know evaluates to unknown; nothing throws (a failing function is caught and
 * becomes unknown, too).
 */
import type { Cloud } from '../clouds';
import { Loc, Value, unknown, str, num, asString, withInput } from '../model/values';
import type { EvalContext } from './context';
import { Expr } from './expression';
import { FUNCTIONS, truthiness } from './functions';
import { extendRuntime } from './runtime';

export function evaluate(expr: Expr, ctx: EvalContext, loc: Loc | undefined): Value {
  try {
    return evaluateExpr(expr, ctx, loc);
  } catch {
    return unknown(loc);
  }
}

function evaluateExpr(expr: Expr, ctx: EvalContext, loc: Loc | undefined): Value {
  switch (expr.k) {
    case 'string':
      return str(expr.value, loc);
    case 'number':
      return num(expr.value, loc);
    case 'error':
      return unknown(loc);
    case 'member': {
      const target = evaluateExpr(expr.target, ctx, loc);
      const result = member(target, expr.name, loc, ctx.cloud);
      return target.input ? withInput(result) : result;
    }
    case 'index': {
      const target = evaluateExpr(expr.target, ctx, loc);
      const index = evaluateExpr(expr.index, ctx, loc);
      const result = indexInto(target, index, loc, ctx.cloud);
      return target.input || index.input ? withInput(result) : result;
    }
    case 'call': {
      if (expr.name === 'if') {
        // Only the branch taken is evaluated, as ARM does for `reference()` in the other one.
        if (expr.args.length !== 3) return unknown(loc);
        const conditionValue = evaluateExpr(expr.args[0], ctx, loc);
        const condition = truthiness(conditionValue);
        if (condition === undefined) {
          const a = evaluateExpr(expr.args[1], ctx, loc);
          const b = evaluateExpr(expr.args[2], ctx, loc);
          // Both branches the same string: the result is known anyway.
          if (a.kind === 'string' && b.kind === 'string' && a.value === b.value) return a;
          return unknown(loc);
        }
        const chosen = evaluateExpr(expr.args[condition ? 1 : 2], ctx, loc);
        return conditionValue.input ? withInput(chosen) : chosen;
      }
      const fn = FUNCTIONS.get(expr.name);
      if (!fn) return unknown(loc);
      const args = new Array<Value>(expr.args.length);
      let input = false;
      for (let i = 0; i < args.length; i++) {
        const arg = evaluateExpr(expr.args[i], ctx, loc);
        args[i] = arg;
        if (arg.input) input = true;
      }
      const result = fn(args, ctx, loc);
      // What is computed from an input depends on it too.
      return input ? withInput(result) : result;
    }
  }
}

/** `value.name`. */
export function member(target: Value, name: string, loc: Loc | undefined, cloud: Cloud): Value {
  switch (target.kind) {
    case 'object':
      return target.raw(name) ?? unknown(loc);
    case 'runtime':
      return extendRuntime(target, name, loc, cloud);
    default:
      return unknown(loc);
  }
}

/** `value[index]`. */
export function indexInto(target: Value, index: Value, loc: Loc | undefined, cloud: Cloud): Value {
  if (target.kind === 'array' && index.kind === 'number') return target.items[index.value] ?? unknown(loc);
  if (target.kind === 'object') {
    const key = asString(index);
    return key === undefined ? unknown(loc) : target.raw(key) ?? unknown(loc);
  }
  if (target.kind === 'runtime') {
    const key = index.kind === 'number' ? String(index.value) : asString(index);
    return key === undefined ? unknown(loc) : extendRuntime(target, key, loc, cloud);
  }
  if (target.kind === 'string' && index.kind === 'number') return str(target.value.charAt(index.value), loc);
  if (target.kind === 'unknown' && target.parts && index.kind === 'number') {
    // The first characters of a partly known string may be known.
    const first = target.parts[0];
    if (first !== null && index.value < first.length) return str(first.charAt(index.value), loc);
  }
  return unknown(loc);
}
