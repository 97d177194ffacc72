/**
 * Errors of the world-model input path. Each names the field, what was expected and what arrived,
 * so a node can count and log it and drop the input instead of crashing.
 */
export class WorldModelInputError extends Error {
  constructor(
    readonly field: string,
    readonly expected: string,
    readonly got: string,
  ) {
    super(`${field}: expected ${expected}, got ${got}`);
    this.name = 'WorldModelInputError';
  }
}

/** A model directory whose manifest or ONNX files are unusable (wrong version, shapes, joints…). */
export class ModelManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelManifestError';
  }
}
