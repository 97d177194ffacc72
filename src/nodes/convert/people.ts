/** world_model_mpc/TrackedPersonArray ⇄ Person[] (positions and velocities in the odometry frame). */
import type { TrackedPerson, TrackedPersonArray } from '../../msgs/own.js';
import type { Header } from '../../msgs/std.js';
import { Topic } from '../../msgs/topics.js';
import type { Person } from '../../core/types.js';
import { MessageError, checkFrame, describeValue, finite } from './errors.js';

export interface PeopleReadOptions {
  topic?: string;
  /** the frame people must be given in (the odometry frame); undefined or '' accepts any */
  odomFrame?: string;
}

function readPerson(topic: string, i: number, p: TrackedPerson): Person {
  const f = `people[${i}]`;
  if (p === null || typeof p !== 'object' || !p.position || !p.velocity) {
    throw new MessageError(topic, f, 'a TrackedPerson with position and velocity', describeValue(p));
  }
  const id = finite(topic, `${f}.id`, p.id);
  if (!Number.isInteger(id) || id < 0) throw new MessageError(topic, `${f}.id`, 'a uint32', String(id));
  const radiusM = finite(topic, `${f}.radius`, p.radius);
  if (radiusM <= 0) throw new MessageError(topic, `${f}.radius`, 'a radius > 0 m', `${radiusM}`);
  return {
    id,
    xInOdomM: finite(topic, `${f}.position.x`, p.position.x),
    yInOdomM: finite(topic, `${f}.position.y`, p.position.y),
    vxMps: finite(topic, `${f}.velocity.x`, p.velocity.x),
    vyMps: finite(topic, `${f}.velocity.y`, p.velocity.y),
    radiusM,
  };
}

/** An empty array means "nobody is there"; any malformed person rejects the whole message (fail closed). */
export function trackedPeopleToPersons(msg: TrackedPersonArray, options: PeopleReadOptions = {}): Person[] {
  const topic = options.topic ?? Topic.people;
  if (msg === null || typeof msg !== 'object' || !msg.header) {
    throw new MessageError(topic, '(message)', 'a TrackedPersonArray with a header', describeValue(msg));
  }
  checkFrame(topic, 'header.frame_id', msg.header.frame_id, options.odomFrame);
  if (!Array.isArray(msg.people))
    throw new MessageError(topic, 'people', 'an array', describeValue(msg.people));
  const seen = new Set<number>();
  return msg.people.map((p, i) => {
    const person = readPerson(topic, i, p);
    if (seen.has(person.id))
      throw new MessageError(topic, `people[${i}].id`, 'unique ids', `${person.id} twice`);
    seen.add(person.id);
    return person;
  });
}

export function personsToTrackedPeople(people: readonly Person[], header: Header): TrackedPersonArray {
  return {
    header,
    people: people.map((p) => ({
      id: p.id,
      position: { x: p.xInOdomM, y: p.yInOdomM, z: 0 },
      velocity: { x: p.vxMps, y: p.vyMps, z: 0 },
      radius: p.radiusM,
    })),
  };
}
