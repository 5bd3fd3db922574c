import { maskMobile } from './mask';

test('keeps the first three and last four digits', () => {
  expect(maskMobile('13831112345')).toBe('138****2345');
});

test('never echoes something that is not a full mobile number', () => {
  expect(maskMobile('12345')).toBe('****');
});
