// GraphQL over HTTP and the subgraphs' Prometheus counters.

/** POSTs a GraphQL request; resolves to the parsed answer, failing on a non-200 status or a non-JSON body. */
export async function postGraphQL(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
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

/** How many requests the service has served on /graphql (all methods and statuses), from its /q/metrics. */
export async function graphqlRequestCount(baseUrl) {
  const response = await fetch(`${baseUrl}/q/metrics`);
  const text = await response.text();
  let count = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('http_server_requests_seconds_count{') && line.includes('uri="/graphql"')) {
      // the value follows the labels; an exemplar (`# {trace_id=...} value timestamp`) may follow it
      count += Number(line.slice(line.indexOf('} ') + 2).split(' ')[0]);
    }
  }
  return count;
}
