// GraphQL over HTTP and the subgraphs' Prometheus counters.

/**
 * POSTs a GraphQL request (with $BENCH_AUTHORIZATION as its Authorization header when set); resolves to the parsed
 * answer, failing on a non-200 status or a non-JSON body.
 */
export async function postGraphQL(url, body) {
  const authorization = process.env.BENCH_AUTHORIZATION;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(authorization ? { authorization } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 200) {
    throw new Error(`${url} answered HTTP ${response.status}: ${text.slice(0, 500)}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${url} answered with a body that is not JSON: ${text.slice(0, 500)}`);
  }
}

/** Like postGraphQL, but a GraphQL error in the answer is a failure too. */
export async function queryData(url, query, variables) {
  const answer = await postGraphQL(url, { query, variables });
  if (answer.errors?.length || !answer.data) {
    throw new Error(`${url}: ${JSON.stringify(answer.errors ?? answer).slice(0, 1000)}`);
  }
  return answer.data;
}

export async function isReady(url) {
  const response = await fetch(url);
  await response.arrayBuffer();
  return response.status === 200;
}

async function metricsText(baseUrl) {
  const response = await fetch(`${baseUrl}/q/metrics`);
  return response.text();
}

/** The sum of a Prometheus metric's samples whose labels contain `labels` (e.g. 'uri="/graphql"'). */
function sumOf(text, name, labels) {
  let sum = 0;
  for (const line of text.split('\n')) {
    // the value follows the labels; an exemplar (`# {trace_id=...} value timestamp`) may follow it
    const match = line.match(/^([a-zA-Z_:][\w:]*)\{(.*?)\} (\S+)/);
    if (match && match[1] === name && match[2].includes(labels)) sum += Number(match[3]);
  }
  return sum;
}

/** Requests the service has served on /graphql (all methods and statuses) and their total time, from its /q/metrics. */
export async function graphqlRequestStats(baseUrl) {
  const text = await metricsText(baseUrl);
  return {
    count: sumOf(text, 'http_server_requests_seconds_count', 'uri="/graphql"'),
    seconds: sumOf(text, 'http_server_requests_seconds_sum', 'uri="/graphql"'),
  };
}

/** One metric of the service's /q/metrics, its samples with `labels` summed. */
export async function metricValue(baseUrl, name, labels) {
  return sumOf(await metricsText(baseUrl), name, labels);
}
