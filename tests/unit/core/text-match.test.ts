import { escapeRegExp } from '../../../cloudfunctions/_core/text-match';

/** Search text reaches a query only as a literal pattern: metacharacters escaped, control characters as \xHH. */
describe('escapeRegExp', () => {
  it.each(['张.*', 'a+b?', '(x)|[y]', '^$\\', '{2}', 'a\u0000b', 'tab\there', '张三'])('matches %j literally and nothing else', (text) => {
    const pattern = new RegExp(`^${escapeRegExp(text)}$`);
    expect(pattern.test(text)).toBe(true);
    expect(pattern.test(`${text}x`)).toBe(false);
  });

  it('never puts a NUL byte in the pattern (the database refuses one)', () => {
    expect(escapeRegExp('a\u0000b')).toBe('a\\x00b');
    expect(escapeRegExp('a\u0000b')).not.toContain('\u0000');
  });
});
