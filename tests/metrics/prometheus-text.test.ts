/** The test parser must refuse what Prometheus refuses, or the endpoint test proves nothing. */
import { describe, expect, it } from 'vitest';
import { parsePrometheusText, valueOf } from './prometheus-text.js';

const histogram = (bucketHalf: string, bucketInf: string, count: string) =>
  [
    '# HELP t_seconds Time.',
    '# TYPE t_seconds histogram',
    `t_seconds_bucket{le="0.5",stage="a"} ${bucketHalf}`,
    `t_seconds_bucket{le="+Inf",stage="a"} ${bucketInf}`,
    't_seconds_sum{stage="a"} 0.7',
    `t_seconds_count{stage="a"} ${count}`,
    '',
  ].join('\n');

describe('the exposition-format parser used by the metrics tests', () => {
  it('reads counters with escaped label values and a consistent histogram', () => {
    const families = parsePrometheusText(
      ['# HELP a_total A "thing".', '# TYPE a_total counter', 'a_total{x="q\\"uote",y="b"} 3', ''].join('\n') +
        histogram('1', '2', '2'),
    );
    expect(valueOf(families, 'a_total', { x: 'q"uote' })).toBe(3);
    expect(valueOf(families, 't_seconds_count', { stage: 'a' }, 't_seconds')).toBe(2);
  });

  it.each([
    ['a sample before its TYPE', 'a_total 1\n'],
    ['a bad metric name', '# TYPE 1a counter\n1a 1\n'],
    ['an unquoted label value', '# TYPE a counter\na{x=1} 1\n'],
    ['a value that is not a float', '# TYPE a counter\na 1,5\n'],
    ['a sample of another family inside a block', '# TYPE a counter\nb 1\n'],
    ['a missing final newline', '# TYPE a counter\na 1'],
    ['buckets that are not cumulative', histogram('3', '2', '2')],
    ['a +Inf bucket unequal to _count', histogram('1', '2', '5')],
  ])('refuses %s', (_why, text) => {
    expect(() => parsePrometheusText(text)).toThrow();
  });
});
