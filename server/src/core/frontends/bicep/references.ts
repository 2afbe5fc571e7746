/**
 * Where a file refers to one of its top-level symbols: the identifiers that
 * name it in expressions, not a property key, a member name, a function name,
 * a type, or a loop variable or lambda parameter of the same name in whose
 * body the symbol is hidden. A fix that renames a symbol renames these.
 */
import { forEachChild } from './syntax';
import type * as S from './syntax';

export function referencesTo(program: S.Program, symbol: string): S.Identifier[] {
  const out: S.Identifier[] = [];
  // An explicit stack: nesting depth costs no call stack.
  const work: Array<{ node: S.Node; hidden: boolean }> = [{ node: program, hidden: false }];
  while (work.length) {
    const { node, hidden } = work.pop()!;
    if (node.kind === 'Identifier') {
      if (!hidden && node.name === symbol) out.push(node);
      continue;
    }
    const names = new Set<S.Node>();
    // A body in which a local of the symbol's name hides it.
    let scoped: S.Node | undefined;
    switch (node.kind) {
      case 'ObjectProperty':
        names.add(node.key);
        break;
      case 'MemberExpr':
        names.add(node.property);
        break;
      case 'ResourceAccessExpr':
      case 'CallExpr':
        names.add(node.name);
        break;
      case 'ForExpr':
        if (node.item) names.add(node.item);
        if (node.index) names.add(node.index);
        if (node.item?.name === symbol || node.index?.name === symbol) scoped = node.body;
        break;
      case 'LambdaExpr':
        node.params.forEach((p) => names.add(p));
        if (node.params.some((p) => p.name === symbol)) scoped = node.body;
        break;
      case 'FuncDecl':
        names.add(node.name);
        node.params.forEach((p) => names.add(p));
        names.add(node.returnType);
        if (node.params.some((p) => p.name.name === symbol)) scoped = node.body;
        break;
      case 'ParamDecl':
      case 'VarDecl':
      case 'OutputDecl':
        names.add(node.name);
        if (node.type) names.add(node.type);
        break;
      case 'ResourceDecl':
      case 'ModuleDecl':
      case 'MetadataDecl':
      case 'TestDecl':
      case 'AssertDecl':
      case 'ExtensionConfigDecl':
        names.add(node.name);
        break;
      case 'TypeDecl':
      case 'ImportDecl':
      case 'ExtensionDecl':
      case 'UsingDecl':
      case 'ExtendsDecl':
        // Types and the names other files export: no expression of this file in them refers to a resource.
        continue;
    }
    forEachChild(node, (child) => {
      if (!names.has(child)) work.push({ node: child, hidden: hidden || child === scoped });
    });
  }
  return out;
}
