// Recommending the extension in .vscode/extensions.json: a JSONC-aware edit
// (jsonc-parser's modify), so the file keeps its comments and formatting; the id goes
// first, so a comment trailing the last entry stays with that entry.
import * as jsonc from 'jsonc-parser';

/** The file text with `id` added to `recommendations` (unchanged when it is already there, in any case). */
export function addRecommendation(text: string, id: string): string {
  const tree = jsonc.parseTree(text, [], { allowTrailingComma: true });
  const list = tree && jsonc.findNodeAtLocation(tree, ['recommendations']);
  const values = (list?.children ?? []).map((c) => String(c.value).toLowerCase());
  if (values.includes(id.toLowerCase())) return text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const base = tree ? text : `{${eol}}${eol}`;
  const edits = list?.type === 'array'
    ? jsonc.modify(base, ['recommendations', 0], id, { isArrayInsertion: true, formattingOptions: { insertSpaces: true, tabSize: 2, eol } })
    : jsonc.modify(base, ['recommendations'], [id], { formattingOptions: { insertSpaces: true, tabSize: 2, eol } });
  return jsonc.applyEdits(base, edits);
}
