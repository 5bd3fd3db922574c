import { nodeSdkCopies } from '../../scripts/build-functions';

/** The build refuses a bundle with two node-sdk copies; this pins how copies are counted. */
test('nodeSdkCopies counts each node-sdk folder once, nested copies separately', () => {
  const inputs = [
    'cloudfunctions/account/index.ts',
    'node_modules/@cloudbase/node-sdk/dist/index.js',
    'node_modules/@cloudbase/node-sdk/dist/cloudbase.js',
    'node_modules/@cloudbase/database/dist/commonjs/index.js',
    'node_modules/wx-server-sdk/node_modules/@cloudbase/node-sdk/dist/index.js',
  ];
  expect(nodeSdkCopies(inputs)).toEqual([
    'node_modules/@cloudbase/node-sdk',
    'node_modules/wx-server-sdk/node_modules/@cloudbase/node-sdk',
  ]);
  expect(nodeSdkCopies(inputs.slice(0, 4))).toEqual(['node_modules/@cloudbase/node-sdk']);
  expect(nodeSdkCopies(['cloudfunctions/account/index.ts'])).toEqual([]);
});
