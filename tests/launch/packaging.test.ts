import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { NODE_NAMES } from '../../src/nodes/registry.js';
import { parse } from 'yaml';
import { MsgType } from '../../src/msgs/types.js';
import { Topic } from '../../src/msgs/topics.js';

const root = new URL('../../', import.meta.url);
const cmake = readFileSync(new URL('CMakeLists.txt', root), 'utf8');
const pkg = new XMLParser().parse(readFileSync(new URL('package.xml', root), 'utf8')) as {
  package: Record<string, string | string[]>;
};
const list = (key: string): string[] => {
  const v = pkg.package[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};

describe('ROS 2 packaging', () => {
  it('generates every msg/*.msg with rosidl and nothing else', () => {
    const block = /rosidl_generate_interfaces\(([\s\S]*?)\)/.exec(cmake)?.[1] ?? '';
    const inCmake = [...block.matchAll(/"msg\/(\w+\.msg)"/g)].map((m) => m[1]).sort();
    const onDisk = readdirSync(new URL('msg/', root))
      .filter((f) => f.endsWith('.msg'))
      .sort();
    expect(inCmake).toEqual(onDisk);
  });

  it('installs a lib/world_model_mpc wrapper for every node and for all', () => {
    const names = /foreach\(NODE_NAME ([^)]*)\)/.exec(cmake)?.[1]?.trim().split(/\s+/);
    expect(names).toEqual([...NODE_NAMES, 'all']);
  });

  it('is a format 3 package named like the CMake project, depending on every message package the nodes use', () => {
    expect(readFileSync(new URL('package.xml', root), 'utf8')).toMatch(/<package format="3">/);
    expect(pkg.package.name).toBe('world_model_mpc');
    expect(cmake).toMatch(/project\(world_model_mpc\b/);
    const deps = new Set([...list('depend'), ...list('exec_depend'), ...list('build_depend')]);
    const used = new Set(Object.values(MsgType).map((t) => t.split('/')[0] as string));
    used.delete('world_model_mpc');
    used.add('std_srvs'); // Trigger services
    expect([...used].filter((p) => !deps.has(p))).toEqual([]);
    for (const p of ['rosidl_default_runtime', 'robot_state_publisher', 'rviz2', 'launch_ros'])
      expect(deps.has(p)).toBe(true);
  });
});

describe('rviz config', () => {
  const rviz = parse(readFileSync(new URL('rviz/world_model_mpc.rviz', root), 'utf8')) as {
    'Visualization Manager': {
      Displays: { Class: string; Topic?: { Value: string } }[];
      'Global Options': { 'Fixed Frame': string };
    };
  };
  const displays = rviz['Visualization Manager'].Displays;
  const topicsOf = (cls: string) => displays.filter((d) => d.Class === cls).map((d) => d.Topic?.Value);

  it('shows the robot model, TF, the camera image and both marker topics in the odometry frame', () => {
    expect(displays.map((d) => d.Class)).toEqual(
      expect.arrayContaining(['rviz_default_plugins/RobotModel', 'rviz_default_plugins/TF']),
    );
    expect(topicsOf('rviz_default_plugins/Image')).toEqual([Topic.cameraImage]);
    expect(topicsOf('rviz_default_plugins/MarkerArray')).toEqual([Topic.planMarkers, Topic.monitorMarkers]);
    expect(rviz['Visualization Manager']['Global Options']['Fixed Frame']).toBe('odom');
  });
});
