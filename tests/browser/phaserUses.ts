/**
 * Every part of Phaser the game's code uses, found by TypeScript's type checker in src/: the paths it reads from
 * the `Phaser` namespace (`Phaser.Scale.FIT`, `Phaser.Geom.Circle.Contains`), and the members it uses of Phaser's
 * classes and interfaces (`GameObjectFactory.circle` from `this.add.circle`, `Scene.tweens`). The engine test checks
 * each against the Phaser the build ships.
 */
import { dirname, join, sep } from 'node:path';
import { createRequire } from 'node:module';
import ts from 'typescript';

export interface PhaserUses {
  /** Namespace paths read as values, e.g. "Phaser.Scale.Events.RESIZE", each with one place that reads it. */
  paths: Map<string, string>;
  /** Members by their declaring type, e.g. "Phaser.GameObjects.GameObjectFactory" → {"circle", …}. */
  members: Map<string, Map<string, string>>;
}

const root = join(import.meta.dirname, '..', '..');

export function findPhaserUses(): PhaserUses {
  const configFile = ts.readConfigFile(join(root, 'tsconfig.json'), (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
  const gameFiles = parsed.fileNames.filter((file) => file.startsWith(join(root, 'src') + sep));
  const program = ts.createProgram(gameFiles, parsed.options);
  const checker = program.getTypeChecker();
  const phaserTypes = dirname(createRequire(import.meta.url).resolve('phaser/package.json')) + sep;
  const uses: PhaserUses = { paths: new Map(), members: new Map() };

  const declaredByPhaser = (symbol: ts.Symbol | undefined): boolean =>
    symbol?.declarations?.some((declaration) => declaration.getSourceFile().fileName.startsWith(phaserTypes)) ?? false;

  for (const sourceFile of program.getSourceFiles()) {
    if (!gameFiles.includes(sourceFile.fileName)) continue;
    const place = (node: ts.Node) => {
      const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart());
      return `${sourceFile.fileName.slice(root.length + 1)}:${line + 1}`;
    };
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        recordNamespacePath(node, place);
        recordMember(node, place);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return uses;

  /** The longest chain of names from `Phaser`, read as a value (type positions are not property accesses). */
  function recordNamespacePath(node: ts.PropertyAccessExpression, place: (node: ts.Node) => string): void {
    if (ts.isPropertyAccessExpression(node.parent) && node.parent.expression === node) return;
    const names: string[] = [];
    let current: ts.Expression = node;
    while (ts.isPropertyAccessExpression(current)) {
      names.unshift(current.name.text);
      current = current.expression;
    }
    if (!ts.isIdentifier(current) || current.text !== 'Phaser') return;
    // Only the parts that are Phaser's own (the chain may go on into a value's members).
    const ownLength = names.findIndex((_name, index) => {
      const access = ancestorAt(node, names.length - 1 - index);
      return !declaredByPhaser(checker.getSymbolAtLocation(access.name));
    });
    const own = ownLength === -1 ? names : names.slice(0, ownLength);
    if (own.length > 0) uses.paths.set(['Phaser', ...own].join('.'), place(node));
  }

  function recordMember(node: ts.PropertyAccessExpression, place: (node: ts.Node) => string): void {
    const symbol = checker.getSymbolAtLocation(node.name);
    if (!symbol || !declaredByPhaser(symbol)) return;
    const owner = symbol.declarations?.[0]?.parent;
    if (!owner || !(ts.isClassDeclaration(owner) || ts.isInterfaceDeclaration(owner))) return;
    const ownerSymbol = owner.name && checker.getSymbolAtLocation(owner.name);
    if (!ownerSymbol) return;
    const ownerName = checker.getFullyQualifiedName(ownerSymbol);
    const members = uses.members.get(ownerName) ?? new Map<string, string>();
    if (!members.has(node.name.text)) members.set(node.name.text, place(node));
    uses.members.set(ownerName, members);
  }
}

function ancestorAt(node: ts.PropertyAccessExpression, depth: number): ts.PropertyAccessExpression {
  let current = node;
  for (let step = 0; step < depth; step++) current = current.expression as ts.PropertyAccessExpression;
  return current;
}
