// TypeScript read as the JavaScript it runs as. An agent run by Bun, Deno or tsx can ship
// its program as `.ts` files; their types are stripped by sucrase (text in, text out: the code
// is never compiled into anything that runs, nor run), which keeps every line where it was.
import { transform } from 'sucrase';

/** TypeScript sources (`.ts`, `.mts`, `.cts`, `.tsx`); declaration files (`.d.ts`) hold no code. */
export function isTypeScriptFile(name: string): boolean {
  return /\.(?:[cm]?ts|tsx)$/i.test(name) && !/\.d\.[cm]?ts$/i.test(name);
}

/** The JavaScript a TypeScript text runs as (JSX as `React.createElement` calls in `.tsx`), or undefined when it is not TypeScript either. */
export function stripTypes(text: string, file: string): string | undefined {
  try {
    return transform(text, { transforms: /x$/i.test(file) ? ['typescript', 'jsx'] : ['typescript'], disableESTransforms: true, keepUnusedImports: true, filePath: file }).code;
  } catch {
    return undefined;
  }
}
