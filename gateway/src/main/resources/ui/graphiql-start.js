// Starts GraphiQL on the gateway's own endpoint; every asset comes from this server, so it works offline.
const fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', window.location.href).toString() });
const root = ReactDOM.createRoot(document.getElementById('graphiql'));
root.render(React.createElement(GraphiQL, {
  fetcher: fetcher,
  defaultEditorToolsVisibility: true,
  shouldPersistHeaders: false,
}));
