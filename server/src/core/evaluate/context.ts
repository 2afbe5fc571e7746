import type { Cloud } from '../clouds';
import type { ResourceRef } from '../model/ids';
import type { DeploymentScope } from '../model/resource';
import type { Loc, Value } from '../model/values';

/** What an expression can see: the template's parameters and variables, the loop it is in, where it deploys. */
export interface EvalContext {
  readonly cloud: Cloud;
  /** Where expressions evaluate: `resourceGroup()` and `subscription()` describe it. */
  readonly scope: DeploymentScope;
  parameter(name: string): Value;
  variable(name: string): Value;
  /** The current index of a copy loop (the innermost one when no name is given). */
  copyIndex(loop: string | undefined): Value;
  /** A resource named by a string in `reference('…')`: a symbolic name, or the name of a resource of this template. */
  resourceNamed(name: string): ResourceRef | undefined;
  /** The deployment's name (`deployment().name`). */
  readonly deploymentName: Value;
}

/** Where results of the expression being evaluated are reported. */
export interface EvalSite {
  loc: Loc | undefined;
}
