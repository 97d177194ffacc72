/**
 * Full ROS 2 message definitions for MCAP schemas (encoding `ros2msg`): the root definition followed
 * by every dependency as `====…` + `MSG: pkg/Name` blocks, the layout rosbag2 writes. Standard
 * types come from @foxglove/rosmsg-msgs-common (ROS 2 Jazzy set), ours from msg/*.msg.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@foxglove/rosmsg';
import { ros2jazzy } from '@foxglove/rosmsg-msgs-common';
import type { MessageDefinition, MessageDefinitionField } from '@foxglove/message-definition';

export const OWN_PACKAGE = 'world_model_mpc';
const SEPARATOR = '='.repeat(80);

/** 'pkg/msg/Name' or 'pkg/Name' → 'pkg/Name' */
export function shortTypeName(typeName: string): string {
  const parts = typeName.split('/');
  if (parts.length === 3 && parts[1] === 'msg') return `${parts[0]}/${parts[2]}`;
  if (parts.length === 2) return typeName;
  throw new Error(`message type '${typeName}': expected 'pkg/msg/Name' or 'pkg/Name'`);
}

const TIME_TYPES: Record<string, string> = {
  time: 'builtin_interfaces/Time',
  duration: 'builtin_interfaces/Duration',
};

export class DefinitionLibrary {
  private readonly defs = new Map<string, MessageDefinition>();

  /** Standard definitions plus ours from `msgDir` (default: the package's msg/ folder). */
  constructor(msgDir: string) {
    for (const [name, def] of Object.entries(ros2jazzy)) this.defs.set(name, def as MessageDefinition);
    const timeDef: MessageDefinition = {
      definitions: [
        { name: 'sec', type: 'int32', isComplex: false, isArray: false },
        { name: 'nanosec', type: 'uint32', isComplex: false, isArray: false },
      ],
    };
    this.defs.set('builtin_interfaces/Time', { ...timeDef, name: 'builtin_interfaces/Time' });
    this.defs.set('builtin_interfaces/Duration', { ...timeDef, name: 'builtin_interfaces/Duration' });
    let files: string[];
    try {
      files = readdirSync(msgDir).filter((f) => f.endsWith('.msg'));
    } catch (err) {
      throw new Error(`message definitions: cannot read msg folder '${msgDir}': ${(err as Error).message}`, {
        cause: err,
      });
    }
    for (const file of files) {
      const text = readFileSync(join(msgDir, file), 'utf8');
      const [root] = parse(text, { ros2: true, skipTypeFixup: true });
      if (!root) throw new Error(`message definitions: '${file}' defines nothing`);
      this.defs.set(`${OWN_PACKAGE}/${file.replace(/\.msg$/, '')}`, {
        ...root,
        name: `${OWN_PACKAGE}/${file.replace(/\.msg$/, '')}`,
      });
    }
  }

  /** The qualified short name a field refers to (own-package types may be written unqualified). */
  private fieldType(field: MessageDefinitionField): string {
    const mapped = TIME_TYPES[field.type];
    if (mapped) return mapped;
    if (!field.isComplex) return field.type;
    const short = field.type.includes('/') ? shortTypeName(field.type) : `${OWN_PACKAGE}/${field.type}`;
    return short;
  }

  private get(short: string): MessageDefinition {
    const def = this.defs.get(short);
    if (!def) throw new Error(`message definitions: unknown type '${short}'`);
    return def;
  }

  private text(def: MessageDefinition): string {
    const lines: string[] = [];
    for (const f of def.definitions) {
      const type = this.fieldType(f);
      if (f.isConstant) {
        lines.push(`${type} ${f.name}=${f.valueText ?? String(f.value)}`);
        continue;
      }
      const suffix = f.isArray
        ? `[${f.arrayUpperBound !== undefined ? `<=${f.arrayUpperBound}` : (f.arrayLength ?? '')}]`
        : '';
      const bounded = type === 'string' && f.upperBound !== undefined ? `string<=${f.upperBound}` : type;
      lines.push(`${bounded}${suffix} ${f.name}`);
    }
    return lines.join('\n');
  }

  /** Dependencies of `short` in first-use order, without the root. */
  private dependencies(short: string, seen = new Set<string>([short]), out: string[] = []): string[] {
    for (const f of this.get(short).definitions) {
      const t = this.fieldType(f);
      if (f.isConstant || !t.includes('/') || seen.has(t)) continue;
      seen.add(t);
      out.push(t);
      this.dependencies(t, seen, out);
    }
    return out;
  }

  /** The full concatenated definition of `typeName` ('pkg/msg/Name'), as rosbag2 stores it. */
  fullText(typeName: string): string {
    const short = shortTypeName(typeName);
    const parts = [this.text(this.get(short))];
    for (const dep of this.dependencies(short)) {
      parts.push(`${SEPARATOR}\nMSG: ${dep}\n${this.text(this.get(dep))}`);
    }
    return `${parts.join('\n')}\n`;
  }
}
