// Comparing the gateways' answers: the same JSON value, whatever the order of object keys.

/** The value with object keys sorted, recursively (array order is kept: it is part of the answer). */
export function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical(value[key])]));
  }
  return value;
}

/** Up to `limit` differences between two JSON values, as "path: left != right" lines. */
export function differences(left, right, limit = 10, path = '$', found = []) {
  if (found.length >= limit) return found;
  const show = (v) => (v === undefined ? '(absent)' : JSON.stringify(v).slice(0, 200));
  if (Array.isArray(left) && Array.isArray(right)) {
    if (left.length !== right.length) found.push(`${path}: ${left.length} items != ${right.length} items`);
    for (let i = 0; i < Math.min(left.length, right.length); i++) differences(left[i], right[i], limit, `${path}[${i}]`, found);
  } else if (left && right && typeof left === 'object' && typeof right === 'object' && !Array.isArray(left) && !Array.isArray(right)) {
    for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
      differences(left[key], right[key], limit, `${path}.${key}`, found);
    }
  } else if (JSON.stringify(left) !== JSON.stringify(right)) {
    found.push(`${path}: ${show(left)} != ${show(right)}`);
  }
  return found.slice(0, limit);
}
