/**
 * rosbag2's metadata.yaml for a bag directory, so `ros2 bag info BAG/` and `ros2 bag play BAG/` accept
 * it. Version 5 of the format (every current rosbag2 reads it).
 */
import { stringify } from 'yaml';

export interface TopicCount {
  name: string;
  type: string;
  offeredQos: string;
  count: number;
}

export interface BagSummary {
  fileName: string;
  startNs: bigint;
  endNs: bigint;
  topics: TopicCount[];
}

export function bagMetadataYaml(s: BagSummary): string {
  const durationNs = s.endNs > s.startNs ? s.endNs - s.startNs : 0n;
  const total = s.topics.reduce((a, t) => a + t.count, 0);
  const doc = {
    rosbag2_bagfile_information: {
      version: 5,
      storage_identifier: 'mcap',
      duration: { nanoseconds: Number(durationNs) },
      starting_time: { nanoseconds_since_epoch: Number(s.startNs) },
      message_count: total,
      topics_with_message_count: s.topics.map((t) => ({
        topic_metadata: {
          name: t.name,
          type: t.type,
          serialization_format: 'cdr',
          offered_qos_profiles: t.offeredQos,
        },
        message_count: t.count,
      })),
      compression_format: '',
      compression_mode: '',
      relative_file_paths: [s.fileName],
      files: [
        {
          path: s.fileName,
          starting_time: { nanoseconds_since_epoch: Number(s.startNs) },
          duration: { nanoseconds: Number(durationNs) },
          message_count: total,
        },
      ],
    },
  };
  return stringify(doc);
}
