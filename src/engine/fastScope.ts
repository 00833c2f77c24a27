// An acorn plugin that keeps scope bookkeeping in Sets instead of arrays.
//
// Stock acorn records every declared name in per-scope arrays and searches
// them with indexOf on each declaration. Minified bundles declare tens of
// thousands of names in one scope, so those searches grow quadratically and
// cost about a third of parsing a 13 MB bundle. This plugin keeps the same
// checks (same errors, same positions) with O(1) lookups.
import type { Parser as AcornParser } from 'acorn';

// Mirrors of acorn's internal flags (acorn/src/scopeflags.js); the plugin test
// checks that redeclaration errors match stock acorn, which would catch drift.
const SCOPE_TOP = 1;
const SCOPE_FUNCTION = 2;
const SCOPE_SIMPLE_CATCH = 32;
const SCOPE_CLASS_STATIC_BLOCK = 256;
const SCOPE_VAR = SCOPE_TOP | SCOPE_FUNCTION | SCOPE_CLASS_STATIC_BLOCK;
const BIND_LEXICAL = 2;
const BIND_FUNCTION = 3;
const BIND_SIMPLE_CATCH = 4;

interface FastScope {
  flags: number;
  var: Set<string>;
  lexical: Set<string>;
  functions: Set<string>;
  /** acorn compares a simple catch parameter with `lexical[0]`. */
  firstLexical: string | undefined;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
interface ScopeInternals {
  scopeStack: FastScope[];
  inModule: boolean;
  undefinedExports: Record<string, unknown>;
  treatFunctionsAsVar: boolean;
  currentScope(): FastScope;
  treatFunctionsAsVarInScope(scope: FastScope): boolean;
  raiseRecoverable(pos: number, message: string): void;
}

function addLexical(scope: FastScope, name: string): void {
  if (scope.firstLexical === undefined) scope.firstLexical = name;
  scope.lexical.add(name);
}

/** Returns acorn's Parser extended with Set-based scopes. */
export function fastScope(Base: typeof AcornParser): typeof AcornParser {
  return class FastScopeParser extends (Base as any) {
    enterScope(this: ScopeInternals, flags: number): void {
      this.scopeStack.push({ flags, var: new Set(), lexical: new Set(), functions: new Set(), firstLexical: undefined });
    }

    declareName(this: ScopeInternals, name: string, bindingType: number, pos: number): void {
      let redeclared = false;
      if (bindingType === BIND_LEXICAL) {
        const scope = this.currentScope();
        redeclared = scope.lexical.has(name) || scope.functions.has(name) || scope.var.has(name);
        addLexical(scope, name);
        if (this.inModule && (scope.flags & SCOPE_TOP)) delete this.undefinedExports[name];
      } else if (bindingType === BIND_SIMPLE_CATCH) {
        addLexical(this.currentScope(), name);
      } else if (bindingType === BIND_FUNCTION) {
        const scope = this.currentScope();
        redeclared = this.treatFunctionsAsVar
          ? scope.lexical.has(name)
          : scope.lexical.has(name) || scope.var.has(name);
        scope.functions.add(name);
      } else {
        for (let i = this.scopeStack.length - 1; i >= 0; --i) {
          const scope = this.scopeStack[i];
          if ((scope.lexical.has(name) && !((scope.flags & SCOPE_SIMPLE_CATCH) && scope.firstLexical === name)) ||
              (!this.treatFunctionsAsVarInScope(scope) && scope.functions.has(name))) {
            redeclared = true;
            break;
          }
          scope.var.add(name);
          if (this.inModule && (scope.flags & SCOPE_TOP)) delete this.undefinedExports[name];
          if (scope.flags & SCOPE_VAR) break;
        }
      }
      if (redeclared) this.raiseRecoverable(pos, `Identifier '${name}' has already been declared`);
    }

    checkLocalExport(this: ScopeInternals, id: { name: string }): void {
      const top = this.scopeStack[0];
      if (!top.lexical.has(id.name) && !top.var.has(id.name)) this.undefinedExports[id.name] = id;
    }
  } as unknown as typeof AcornParser;
}
