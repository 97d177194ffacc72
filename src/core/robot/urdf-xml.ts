/** Small readers over fast-xml-parser's output: attributes, numbers and vectors with located errors. */
import { UrdfError } from './model.js';
import type { Origin, Vec3 } from './model.js';

export type XmlNode = Record<string, unknown>;

const ATTR = '@_';

export function attr(node: XmlNode, name: string): string | undefined {
  const v = node[ATTR + name];
  return v === undefined ? undefined : String(v);
}

export function children(node: XmlNode, tag: string): XmlNode[] {
  const v = node[tag];
  if (v === undefined) return [];
  const list = Array.isArray(v) ? v : [v];
  // an empty element like <link name="x"/> parses to '' when it has no attributes; keep objects only
  return list.map((c) => (typeof c === 'object' && c !== null ? (c as XmlNode) : {}));
}

export function child(node: XmlNode, tag: string): XmlNode | undefined {
  return children(node, tag)[0];
}

export function requireAttr(node: XmlNode, name: string, where: string): string {
  const v = attr(node, name);
  if (v === undefined || v.trim() === '') throw new UrdfError(`${where}: attribute '${name}' is missing`);
  return v;
}

export function parseNumber(text: string, where: string): number {
  const v = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(v)) {
    throw new UrdfError(`${where}: expected a finite number, got '${text}'`);
  }
  return v;
}

export function numberAttr(node: XmlNode, name: string, where: string, fallback?: number): number {
  const v = attr(node, name);
  if (v === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UrdfError(`${where}: attribute '${name}' is missing`);
  }
  return parseNumber(v, `${where} attribute '${name}'`);
}

export function vec3Attr(node: XmlNode | undefined, name: string, where: string, fallback: Vec3): Vec3 {
  const v = node === undefined ? undefined : attr(node, name);
  if (v === undefined) return fallback;
  const parts = v.trim().split(/\s+/);
  if (parts.length !== 3) throw new UrdfError(`${where} attribute '${name}': expected 3 numbers, got '${v}'`);
  const [a, b, c] = parts.map((p) => parseNumber(p, `${where} attribute '${name}'`));
  return [a as number, b as number, c as number];
}

export function parseOrigin(node: XmlNode | undefined, where: string): Origin {
  const w = `${where} <origin>`;
  return { xyz: vec3Attr(node, 'xyz', w, [0, 0, 0]), rpy: vec3Attr(node, 'rpy', w, [0, 0, 0]) };
}
