/**
 * A strict reader of the Prometheus text exposition format 0.0.4, for the tests: no parser ships in
 * node_modules (prom-client only writes). Every line must be a HELP, a TYPE, a sample or blank; names,
 * labels and values are checked against the format's grammar; samples must follow their family's TYPE;
 * a histogram's buckets must be cumulative and its +Inf bucket equal to its _count. Any breach throws
 * with the line number.
 */

export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Family {
  name: string;
  type: MetricType;
  help: string | undefined;
  samples: Sample[];
}

const metricName = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const labelName = '[a-zA-Z_][a-zA-Z0-9_]*';
const commentLine = new RegExp(`^# (HELP|TYPE) (${metricName}) ?(.*)$`);
const sampleLine = new RegExp(`^(${metricName})(?:\\{(.*)\\})? (\\S+)(?: (-?\\d+))?$`);
const labelPair = new RegExp(`^(${labelName})="((?:[^"\\\\\\n]|\\\\[\\\\"n])*)"(,|$)`);
const types: MetricType[] = ['counter', 'gauge', 'histogram', 'summary', 'untyped'];

export function parsePrometheusText(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  let current: Family | undefined;
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a newline');
  text
    .slice(0, -1)
    .split('\n')
    .forEach((line, index) => {
      const fail = (why: string): never => {
        throw new Error(`line ${index + 1}: ${why}: ${JSON.stringify(line)}`);
      };
      if (line.trim() === '') return;
      if (line.startsWith('#')) {
        const comment = commentLine.exec(line);
        if (!comment) return; // other comments are allowed and ignored
        const [, keyword, name, rest] = comment as unknown as [string, string, string, string];
        const family = families.get(name) ?? { name, type: 'untyped' as MetricType, help: undefined, samples: [] };
        if (family.samples.length > 0) fail(`${keyword} after the samples of ${name}`);
        if (keyword === 'HELP') {
          if (family.help !== undefined) fail(`second HELP for ${name}`);
          family.help = rest.replace(/\\n/g, '\n').replace(/\\\\/g, '\\');
        } else {
          if (families.has(name) && family.type !== 'untyped') fail(`second TYPE for ${name}`);
          if (!types.includes(rest as MetricType)) fail(`unknown type ${rest}`);
          family.type = rest as MetricType;
        }
        families.set(name, family);
        current = family;
        return;
      }
      const sample = sampleLine.exec(line) ?? fail('not a sample line');
      const [, name, labelText, valueText] = sample as unknown as [string, string, string | undefined, string];
      const family = current && belongsTo(name, current) ? current : fail(`sample ${name} outside its family's block`);
      family.samples.push({ name, labels: parseLabels(labelText ?? '', fail), value: parseValue(valueText, fail) });
    });
  for (const family of families.values()) if (family.type === 'histogram') checkHistogram(family);
  return families;
}

function belongsTo(sampleName: string, family: Family): boolean {
  const suffixes: Record<MetricType, string[]> = {
    counter: [''],
    gauge: [''],
    untyped: [''],
    histogram: ['_bucket', '_sum', '_count'],
    summary: ['', '_sum', '_count'],
  };
  return suffixes[family.type].some((suffix) => sampleName === family.name + suffix);
}

function parseLabels(text: string, fail: (why: string) => never): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = text;
  while (rest !== '') {
    const pair = labelPair.exec(rest) ?? fail(`bad label syntax at ${JSON.stringify(rest)}`);
    const [whole, name, raw] = pair as unknown as [string, string, string];
    if (name in labels) fail(`label ${name} twice`);
    labels[name] = raw.replace(/\\(["\\n])/g, (_all, escaped: string) => (escaped === 'n' ? '\n' : escaped));
    rest = rest.slice(whole.length);
  }
  return labels;
}

function parseValue(text: string, fail: (why: string) => never): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (text === 'NaN') return NaN;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) fail(`value ${text} is not a float`);
  return Number(text);
}

/** Per label set (without le): cumulative buckets, a +Inf bucket equal to _count, and a _sum. */
function checkHistogram(family: Family): void {
  const series = new Map<string, { buckets: { le: number; value: number }[]; sum?: number; count?: number }>();
  for (const sample of family.samples) {
    const { le, ...rest } = sample.labels;
    const key = JSON.stringify(Object.entries(rest).sort());
    const entry = series.get(key) ?? { buckets: [] };
    series.set(key, entry);
    if (sample.name.endsWith('_bucket')) {
      if (le === undefined) throw new Error(`${family.name}: a bucket without le`);
      entry.buckets.push({ le: le === '+Inf' ? Infinity : Number(le), value: sample.value });
    } else if (sample.name.endsWith('_sum')) entry.sum = sample.value;
    else entry.count = sample.value;
  }
  for (const [key, entry] of series) {
    const where = `${family.name} ${key}`;
    if (entry.sum === undefined || entry.count === undefined) throw new Error(`${where}: missing _sum or _count`);
    entry.buckets.forEach((bucket, index) => {
      const before = entry.buckets[index - 1];
      if (Number.isNaN(bucket.le)) throw new Error(`${where}: le is not a number`);
      if (before && (bucket.le <= before.le || bucket.value < before.value))
        throw new Error(`${where}: buckets not increasing and cumulative at le=${bucket.le}`);
    });
    const last = entry.buckets.at(-1);
    if (last?.le !== Infinity) throw new Error(`${where}: no +Inf bucket`);
    if (last.value !== entry.count) throw new Error(`${where}: +Inf bucket ${last.value} != _count ${entry.count}`);
  }
}

/** The value of the one sample with exactly these labels (among others), or undefined. */
export function valueOf(
  families: Map<string, Family>,
  sampleName: string,
  labels: Record<string, string> = {},
  familyName = sampleName,
): number | undefined {
  const matches = (families.get(familyName)?.samples ?? []).filter(
    (sample) =>
      sample.name === sampleName && Object.entries(labels).every(([name, value]) => sample.labels[name] === value),
  );
  if (matches.length > 1) throw new Error(`${sampleName} ${JSON.stringify(labels)} matches ${matches.length} samples`);
  return matches[0]?.value;
}
