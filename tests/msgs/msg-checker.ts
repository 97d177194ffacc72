/**
 * Compares ROS message definitions (parsed by @foxglove/rosmsg) with the TypeScript interfaces of
 * src/msgs, read with the TypeScript compiler API. Each interface names its ROS type in the first word
 * of its doc comment (`/** geometry_msgs/Twist *\/`). Returns problems as sentences; none means consistent.
 */
import ts from 'typescript';
import { parse } from '@foxglove/rosmsg';
import type { MessageDefinition, MessageDefinitionField } from '@foxglove/message-definition';

export interface TsField {
  name: string;
  /** the field's type as written, unions sorted: 'bigint | number' */
  type: string;
}

export interface TsInterface {
  tsName: string;
  /** e.g. 'geometry_msgs/Twist', from the doc comment */
  rosName: string | undefined;
  fields: TsField[];
}

function normaliseType(node: ts.TypeNode, source: ts.SourceFile): string {
  if (ts.isUnionTypeNode(node)) {
    return node.types
      .map((t) => normaliseType(t, source))
      .sort()
      .join(' | ');
  }
  return node.getText(source).replace(/\s+/g, '');
}

/** Every exported interface of a TS source text, with its ROS name and fields in declaration order. */
export function readTsInterfaces(sourceText: string, fileName = 'msgs.ts'): TsInterface[] {
  const source = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.ES2022, true);
  const result: TsInterface[] = [];
  for (const statement of source.statements) {
    if (!ts.isInterfaceDeclaration(statement)) continue;
    const doc = ts.getJSDocCommentsAndTags(statement)[0];
    const comment = doc && ts.isJSDoc(doc) ? ts.getTextOfJSDocComment(doc.comment) : undefined;
    const rosName = comment?.trim().split(/\s+/)[0];
    const fields: TsField[] = [];
    for (const member of statement.members) {
      if (!ts.isPropertySignature(member) || !member.type) continue;
      fields.push({ name: member.name.getText(source), type: normaliseType(member.type, source) });
    }
    result.push({
      tsName: statement.name.text,
      rosName: rosName?.includes('/') ? rosName : undefined,
      fields,
    });
  }
  return result;
}

/** Our own .msg files, parsed field by field (types of the same package are qualified with `pkg`). */
export function readMsgFile(pkg: string, typeName: string, text: string): MessageDefinition {
  const [def] = parse(text, { ros2: true, skipTypeFixup: true });
  if (!def) throw new Error(`${pkg}/${typeName}: no definition parsed`);
  const definitions = def.definitions.map((f) =>
    f.isComplex === true && !f.type.includes('/') ? { ...f, type: `${pkg}/${f.type}` } : f,
  );
  return { name: `${pkg}/${typeName}`, definitions };
}

const NUMBER_TYPES = new Set([
  'float32',
  'float64',
  'int8',
  'uint8',
  'int16',
  'uint16',
  'int32',
  'uint32',
  'char',
  'byte',
]);
const BIG_TYPES = new Set(['int64', 'uint64']);

/** The TS type texts accepted for one ROS field. `tsNameOf` maps a ROS type name to its TS interface. */
function acceptedTsTypes(
  field: MessageDefinitionField,
  tsNameOf: (ros: string) => string | undefined,
): string[] {
  const t = field.type;
  let scalar: string | undefined;
  if (t === 'time') scalar = 'Time';
  else if (t === 'duration') scalar = 'Duration';
  else if (t === 'string' || t === 'wstring') scalar = 'string';
  else if (t === 'bool') scalar = 'boolean';
  else if (NUMBER_TYPES.has(t)) scalar = 'number';
  else if (BIG_TYPES.has(t)) scalar = 'bigint | number';
  else scalar = tsNameOf(t) ?? `<no TS interface for ${t}>`;
  if (field.isArray !== true) return [scalar];
  if (t === 'uint8' || t === 'byte' || t === 'char') return ['Uint8Array | number[]'];
  if (scalar === 'number') return ['NumberArray', 'number[]'];
  return [`${scalar}[]`];
}

/** Field-by-field differences between a ROS definition and its TS interface (constants are not fields). */
export function compareDefinition(
  def: MessageDefinition,
  iface: TsInterface,
  tsNameOf: (ros: string) => string | undefined,
): string[] {
  const where = `${def.name} vs ${iface.tsName}`;
  const rosFields = def.definitions.filter((f) => f.isConstant !== true);
  const problems: string[] = [];
  const tsByName = new Map(iface.fields.map((f) => [f.name, f]));
  for (const f of rosFields) {
    const tsField = tsByName.get(f.name);
    if (!tsField) {
      problems.push(`${where}: field '${f.name}' is in the .msg but not in the TS interface`);
      continue;
    }
    const accepted = acceptedTsTypes(f, tsNameOf);
    if (!accepted.includes(tsField.type)) {
      problems.push(
        `${where}: field '${f.name}' (${f.type}${f.isArray === true ? '[]' : ''}) expected TS ${accepted.join(' or ')}, got ${tsField.type}`,
      );
    }
  }
  const rosNames = new Set(rosFields.map((f) => f.name));
  for (const f of iface.fields) {
    if (!rosNames.has(f.name))
      problems.push(`${where}: field '${f.name}' is in the TS interface but not in the .msg`);
  }
  const rosOrder = rosFields.map((f) => f.name).filter((n) => tsByName.has(n));
  const tsOrder = iface.fields.map((f) => f.name).filter((n) => rosNames.has(n));
  if (problems.length === 0 && rosOrder.join(',') !== tsOrder.join(',')) {
    problems.push(`${where}: field order differs: .msg [${rosOrder.join(', ')}], TS [${tsOrder.join(', ')}]`);
  }
  return problems;
}

/** Compares every TS interface that names a ROS type with the definition of that type. */
export function checkConsistency(
  interfaces: readonly TsInterface[],
  definitions: ReadonlyMap<string, MessageDefinition>,
): string[] {
  const byRos = new Map(interfaces.filter((i) => i.rosName).map((i) => [i.rosName as string, i.tsName]));
  const tsNameOf = (ros: string): string | undefined => byRos.get(ros.replace('/msg/', '/'));
  const problems: string[] = [];
  for (const iface of interfaces) {
    if (!iface.rosName) continue;
    const def = definitions.get(iface.rosName);
    if (!def) {
      problems.push(`${iface.tsName}: names ROS type ${iface.rosName}, which has no definition`);
      continue;
    }
    problems.push(...compareDefinition(def, iface, tsNameOf));
  }
  return problems;
}
