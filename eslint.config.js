import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'training/**', 'models/**', 'bin/**', 'out/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Pure cores: no ROS, no ONNX runtime, no I/O, no hidden nondeterminism.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['rclnodejs', 'rclnodejs/*'], message: 'src/core must not import ROS.' },
            {
              group: ['onnxruntime-node', 'onnxruntime-*'],
              message: 'src/core must not import ONNX Runtime.',
            },
            { group: ['node:*', 'fs', 'path', 'child_process', 'net'], message: 'src/core does no I/O.' },
            {
              group: ['**/transport/**', '**/nodes/**', '**/sim/**', '**/cli/**', '**/runtime/**'],
              message: 'src/core depends on nothing outside src/core.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Inject an Rng instead.' },
      ],
    },
  },
);
