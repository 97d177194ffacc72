/** A model input spec for tests: H×W RGB HWC, p/255 then (· − mean)/std on every channel. */
import type { ManifestImage } from '../../src/core/worldmodel/manifest.js';

export function imageSpec(height: number, width: number, mean = 0, std = 1): ManifestImage {
  return {
    height,
    width,
    channels: 3,
    channelOrder: 'RGB',
    layout: 'HWC',
    scale: 1 / 255,
    mean: [mean, mean, mean],
    std: [std, std, std],
  };
}
