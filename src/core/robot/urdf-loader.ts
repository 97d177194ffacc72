/**
 * URDF → RobotModel. Parses with fast-xml-parser, then checks the tree: every joint's parent and child
 * exist, a link has at most one parent joint, exactly one root, no cycle. Errors name the joint/link/element.
 */
import { XMLParser } from 'fast-xml-parser';
import { UrdfError } from './model.js';
import type { Geometry, Joint, JointLimits, JointType, Link, Mimic, RobotModel, Shape } from './model.js';
import { attr, child, children, numberAttr, parseOrigin, requireAttr, vec3Attr } from './urdf-xml.js';
import type { XmlNode } from './urdf-xml.js';
import { buildTree } from './urdf-tree.js';

const ARRAY_TAGS = new Set(['link', 'joint', 'visual', 'collision', 'gazebo', 'transmission', 'material']);
const JOINT_TYPES: readonly JointType[] = ['revolute', 'continuous', 'prismatic', 'fixed'];

export function loadUrdf(xmlText: string): RobotModel {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseAttributeValue: false,
    isArray: (tag) => ARRAY_TAGS.has(tag),
  });
  let doc: XmlNode;
  try {
    doc = parser.parse(xmlText) as XmlNode;
  } catch (e) {
    throw new UrdfError(`URDF is not well-formed XML: ${(e as Error).message}`);
  }
  const robot = child(doc, 'robot');
  if (robot === undefined) throw new UrdfError('URDF has no <robot> element');
  const name = attr(robot, 'name') ?? '';
  const links = new Map<string, Link>();
  for (const node of children(robot, 'link')) {
    const link = parseLink(node);
    if (links.has(link.name)) throw new UrdfError(`link '${link.name}' is defined twice`);
    links.set(link.name, link);
  }
  if (links.size === 0) throw new UrdfError('URDF has no <link> element');
  const joints = new Map<string, Joint>();
  for (const node of children(robot, 'joint')) {
    const joint = parseJoint(node);
    if (joints.has(joint.name)) throw new UrdfError(`joint '${joint.name}' is defined twice`);
    joints.set(joint.name, joint);
  }
  for (const j of joints.values()) {
    if (j.mimic && !joints.has(j.mimic.joint)) {
      throw new UrdfError(`joint '${j.name}' <mimic>: joint '${j.mimic.joint}' does not exist`);
    }
  }
  const tree = buildTree(links, joints);
  const meshUris = [...links.values()].flatMap((l) =>
    [...l.visuals, ...l.collisions].flatMap((s) => (s.geometry.kind === 'mesh' ? [s.geometry.uri] : [])),
  );
  return { name, links, joints, ...tree, meshUris: [...new Set(meshUris)] };
}

function parseLink(node: XmlNode): Link {
  const name = requireAttr(node, 'name', '<link>');
  const where = `link '${name}'`;
  const shapes = (tag: 'visual' | 'collision'): Shape[] =>
    children(node, tag).flatMap((s) => {
      const g = child(s, 'geometry');
      if (g === undefined) throw new UrdfError(`${where} <${tag}>: <geometry> is missing`);
      return [
        {
          origin: parseOrigin(child(s, 'origin'), `${where} <${tag}>`),
          geometry: parseGeometry(g, `${where} <${tag}>`),
        },
      ];
    });
  return { name, collisions: shapes('collision'), visuals: shapes('visual') };
}

function parseGeometry(g: XmlNode, where: string): Geometry {
  const box = child(g, 'box');
  if (box) return { kind: 'box', sizeM: vec3Attr(box, 'size', `${where} <box>`, [Number.NaN, 0, 0]) };
  const cyl = child(g, 'cylinder');
  if (cyl) {
    const w = `${where} <cylinder>`;
    return { kind: 'cylinder', radiusM: numberAttr(cyl, 'radius', w), lengthM: numberAttr(cyl, 'length', w) };
  }
  const sph = child(g, 'sphere');
  if (sph) return { kind: 'sphere', radiusM: numberAttr(sph, 'radius', `${where} <sphere>`) };
  const mesh = child(g, 'mesh');
  if (mesh) {
    const w = `${where} <mesh>`;
    return {
      kind: 'mesh',
      uri: requireAttr(mesh, 'filename', w),
      scale: vec3Attr(mesh, 'scale', w, [1, 1, 1]),
    };
  }
  throw new UrdfError(`${where} <geometry>: expected <box>, <cylinder>, <sphere> or <mesh>`);
}

function parseJoint(node: XmlNode): Joint {
  const name = requireAttr(node, 'name', '<joint>');
  const where = `joint '${name}'`;
  const typeText = requireAttr(node, 'type', where);
  if (!JOINT_TYPES.includes(typeText as JointType)) {
    throw new UrdfError(`${where}: unknown joint type '${typeText}' (supported: ${JOINT_TYPES.join(', ')})`);
  }
  const type = typeText as JointType;
  const parentNode = child(node, 'parent');
  const childNode = child(node, 'child');
  if (!parentNode) throw new UrdfError(`${where}: <parent> is missing`);
  if (!childNode) throw new UrdfError(`${where}: <child> is missing`);
  const axis = vec3Attr(child(node, 'axis'), 'xyz', `${where} <axis>`, [1, 0, 0]);
  const norm = Math.hypot(axis[0], axis[1], axis[2]);
  if (type !== 'fixed' && norm < 1e-9) throw new UrdfError(`${where} <axis>: the axis must not be zero`);
  const unitAxis: [number, number, number] =
    norm < 1e-9 ? [1, 0, 0] : [axis[0] / norm, axis[1] / norm, axis[2] / norm];
  return {
    name,
    type,
    parent: requireAttr(parentNode, 'link', `${where} <parent>`),
    child: requireAttr(childNode, 'link', `${where} <child>`),
    origin: parseOrigin(child(node, 'origin'), where),
    axis: unitAxis,
    limits: parseLimits(child(node, 'limit'), type, where),
    mimic: parseMimic(child(node, 'mimic'), where),
  };
}

function parseLimits(node: XmlNode | undefined, type: JointType, where: string): JointLimits {
  const w = `${where} <limit>`;
  const bounded = type === 'revolute' || type === 'prismatic';
  if (bounded) {
    if (!node)
      throw new UrdfError(
        `${w}: a ${type} joint needs <limit lower upper velocity effort>, <limit> is missing`,
      );
    const lower = numberAttr(node, 'lower', w);
    const upper = numberAttr(node, 'upper', w);
    if (lower > upper) throw new UrdfError(`${w}: lower (${lower}) is above upper (${upper})`);
    return { lower, upper, velocity: numberAttr(node, 'velocity', w), effort: numberAttr(node, 'effort', w) };
  }
  const inf = Number.POSITIVE_INFINITY;
  return {
    lower: -inf,
    upper: inf,
    velocity: node ? numberAttr(node, 'velocity', w, inf) : inf,
    effort: node ? numberAttr(node, 'effort', w, inf) : inf,
  };
}

function parseMimic(node: XmlNode | undefined, where: string): Mimic | undefined {
  if (!node) return undefined;
  const w = `${where} <mimic>`;
  return {
    joint: requireAttr(node, 'joint', w),
    multiplier: numberAttr(node, 'multiplier', w, 1),
    offset: numberAttr(node, 'offset', w, 0),
  };
}
