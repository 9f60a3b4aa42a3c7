// Starts GraphiQL on the gateway's own endpoint; every asset comes from this server, so it works offline.
const fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', window.location.href).toString() });
// Where a token goes: reads are public, writes need a bearer token with the right scope.
const defaultQuery = `# Welcome to the Plenum gateway.
#
# Reads need no token. Mutations need a bearer token with the right scope
# (speakers:write for speakers, topics:write for topics and quotes): open the
# Headers tab below and paste
#
#   {"Authorization": "Bearer <your token>"}
#
# deploy/local/run.sh prints a token with every write scope;
# deploy/local/mint-token.sh mints others.

{ speakers(first: 5) { edges { node { name role } } } }
`;
const root = ReactDOM.createRoot(document.getElementById('graphiql'));
root.render(React.createElement(GraphiQL, {
  fetcher: fetcher,
  defaultEditorToolsVisibility: true,
  defaultQuery: defaultQuery,
  shouldPersistHeaders: false,
}));
