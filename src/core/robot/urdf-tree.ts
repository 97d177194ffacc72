/** Tree checks and orderings for a parsed URDF: one root, one parent per link, no cycle. */
import { UrdfError } from './model.js';
import type { Joint, Link } from './model.js';

export interface UrdfTree {
  rootLink: string;
  jointsInTreeOrder: Joint[];
  parentJointOf: Map<string, Joint>;
  armJointNames: string[];
}

export const ARM_BASE_LINK = 'base_link';
export const ARM_TIP_LINK = 'tool_tip';

export function buildTree(links: ReadonlyMap<string, Link>, joints: ReadonlyMap<string, Joint>): UrdfTree {
  const parentJointOf = new Map<string, Joint>();
  const childJoints = new Map<string, Joint[]>();
  for (const j of joints.values()) {
    if (!links.has(j.parent))
      throw new UrdfError(`joint '${j.name}' <parent>: link '${j.parent}' does not exist`);
    if (!links.has(j.child))
      throw new UrdfError(`joint '${j.name}' <child>: link '${j.child}' does not exist`);
    const other = parentJointOf.get(j.child);
    if (other) {
      throw new UrdfError(`link '${j.child}' is the child of two joints ('${other.name}' and '${j.name}')`);
    }
    parentJointOf.set(j.child, j);
    const list = childJoints.get(j.parent) ?? [];
    list.push(j);
    childJoints.set(j.parent, list);
  }
  const roots = [...links.keys()].filter((l) => !parentJointOf.has(l));
  if (roots.length === 0)
    throw new UrdfError('the joints form a cycle: every link has a parent, so there is no root');
  if (roots.length > 1) {
    throw new UrdfError(`the URDF has ${roots.length} roots (${roots.join(', ')}); links must form one tree`);
  }
  const rootLink = roots[0] as string;
  const jointsInTreeOrder: Joint[] = [];
  const stack = [rootLink];
  const seen = new Set<string>([rootLink]);
  while (stack.length > 0) {
    const link = stack.pop() as string;
    for (const j of childJoints.get(link) ?? []) {
      jointsInTreeOrder.push(j);
      seen.add(j.child);
      stack.push(j.child);
    }
  }
  const unreached = [...links.keys()].filter((l) => !seen.has(l));
  if (unreached.length > 0) {
    throw new UrdfError(
      `the joints form a cycle through link(s) ${unreached.join(', ')} (not reachable from root '${rootLink}')`,
    );
  }
  return { rootLink, jointsInTreeOrder, parentJointOf, armJointNames: armChain(links, parentJointOf) };
}

/** Movable joints from base_link (or the root) to tool_tip, base first; empty without a tool_tip link. */
function armChain(links: ReadonlyMap<string, Link>, parentJointOf: ReadonlyMap<string, Joint>): string[] {
  if (!links.has(ARM_TIP_LINK)) return [];
  const names: string[] = [];
  let link = ARM_TIP_LINK;
  for (
    let j = parentJointOf.get(link);
    j !== undefined && link !== ARM_BASE_LINK;
    j = parentJointOf.get(link)
  ) {
    if (j.type !== 'fixed' && j.mimic === undefined) names.push(j.name);
    link = j.parent;
  }
  return names.reverse();
}
