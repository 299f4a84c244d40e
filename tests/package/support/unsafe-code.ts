/**
 * Finds code that could run text as code or as markup in extension pages: eval and its kin,
 * HTML sinks (innerHTML and friends, Preact's dangerouslySetInnerHTML), string timers, and
 * `import()` of anything but a literal path. It reads the syntax tree (TypeScript's parser), so
 * comments and prose never trip it and `el['innerHTML']` does not slip past it.
 */
import ts from 'typescript';

const FORBIDDEN_NAMES = new Set([
  'eval',
  'innerHTML',
  'outerHTML',
  'insertAdjacentHTML',
  'dangerouslySetInnerHTML',
  'createContextualFragment',
  'srcdoc',
  'importScripts',
  'execScript',
]);
const STRING_TIMERS = new Set(['setTimeout', 'setInterval']);

export interface Finding {
  readonly line: number;
  readonly what: string;
}

export function findUnsafeCode(fileName: string, source: string): Finding[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const findings: Finding[] = [];
  const report = (node: ts.Node, what: string) =>
    findings.push({ line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, what });

  const visit = (node: ts.Node): void => {
    if ((ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) && FORBIDDEN_NAMES.has(node.text)) report(node, node.text);
    if (ts.isStringLiteralLike(node) && FORBIDDEN_NAMES.has(node.text) && ts.isElementAccessExpression(node.parent)) report(node, `['${node.text}']`);
    if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && calleeName(node.expression) === 'Function') report(node, 'Function constructor');
    if (ts.isCallExpression(node)) {
      const callee = calleeName(node.expression);
      const [first] = node.arguments;
      if (callee && STRING_TIMERS.has(callee) && first && isStringLike(first)) report(node, `${callee} with a string`);
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword && !(first && ts.isStringLiteralLike(first))) report(node, 'import() of a computed path');
      if ((callee === 'write' || callee === 'writeln') && ts.isPropertyAccessExpression(node.expression) && node.expression.expression.getText(file) === 'document') {
        report(node, `document.${callee}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return findings;
}

function calleeName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return undefined;
}

/** Text written in place: a literal, a template, or text joined with `+`. */
function isStringLike(node: ts.Expression): boolean {
  return ts.isStringLiteralLike(node) || ts.isTemplateExpression(node) || (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken);
}

/** Extension HTML: only the extension's own module scripts, no inline script, no inline handlers. */
export function findUnsafeHtml(html: string): string[] {
  const findings: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = /\ssrc="([^"]*)"/i.exec(tag)?.[1];
    if (src === undefined) findings.push(`inline script: ${tag}`);
    else if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) findings.push(`remote script: ${src}`);
  }
  for (const [attribute] of html.matchAll(/\son[a-z]+\s*=/gi)) findings.push(`inline handler: ${attribute.trim()}`);
  return findings;
}
