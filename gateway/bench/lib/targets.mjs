// The gateways measured, each started the way its users start it, over the same supergraph file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shippedEnvironment, shippedJvmFlags } from './shipped.mjs';

/**
 * JVM flags and environment of our gateway as shipped: what the container image gets (quarkus.jib.* in its
 * application.properties), as deploy/local/run.sh reads them; BENCH_GATEWAY_JVM_FLAGS only for experiments.
 */
export const GATEWAY_JVM_FLAGS = process.env.BENCH_GATEWAY_JVM_FLAGS?.split(/\s+/).filter(Boolean) ?? shippedJvmFlags('gateway');
const GATEWAY_ENV = shippedEnvironment('gateway');

function npmVersion(benchDir, name) {
  return JSON.parse(readFileSync(join(benchDir, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** Each target: id, label, ours, how to start it on a port, and the path of its GraphQL endpoint. */
export function gatewayTargets({ benchDir, supergraphFile, grafbaseConfig, gatewayJar, jfrFile, authFlags = [] }) {
  const hiveBin = join(benchDir, 'node_modules/@graphql-hive/gateway/dist/bin.js');
  const hive = npmVersion(benchDir, '@graphql-hive/gateway');
  const nodeEnv = { NODE_ENV: 'production' };
  const plenum = (settings, jfr, jar = gatewayJar, jvmFlags = GATEWAY_JVM_FLAGS) => ({
    command: 'java',
    env: GATEWAY_ENV,
    args: (port) => [...jvmFlags, ...(jfr ? [`-XX:StartFlightRecording=filename=${jfr},settings=profile,dumponexit=true`] : []),
      `-Dquarkus.http.port=${port}`, `-Dplenum.gateway.supergraph-file=${supergraphFile}`, ...authFlags, ...settings,
      '-jar', jar],
    path: '/graphql',
  });
  const grafbase = '@grafbase/cli-x86_64-unknown-linux-musl';
  return [
    // identical fetches in flight share one round trip by default, as in Hive Gateway; measured both ways
    { id: 'plenum', label: 'Plenum gateway', ours: true, ...plenum([], jfrFile) },
    {
      id: 'plenum-no-dedup',
      label: 'Plenum gateway, fetch de-duplication off',
      variantOf: 'plenum',
      ...plenum(['-Dplenum.gateway.deduplicate-fetches=false']),
    },
    // another build of our gateway side by side, for a before/after in one run: BENCH_COMPARE_JAR (a copied
    // quarkus-app's quarkus-run.jar), BENCH_COMPARE_LABEL (e.g. its commit)
    ...(process.env.BENCH_COMPARE_JAR ? [{
      id: 'plenum-compare',
      label: `Plenum gateway at ${process.env.BENCH_COMPARE_LABEL ?? 'the compared build'}`,
      variantOf: 'plenum',
      ...plenum([], undefined, process.env.BENCH_COMPARE_JAR),
    }] : []),
    // our gateway with other JVM flags side by side: BENCH_COMPARE_JVM_FLAGS (may be empty: the JVM's defaults)
    ...(process.env.BENCH_COMPARE_JVM_FLAGS !== undefined ? [{
      id: 'plenum-flags',
      label: `Plenum gateway with JVM flags "${process.env.BENCH_COMPARE_JVM_FLAGS}"`,
      variantOf: 'plenum',
      ...plenum([], undefined, gatewayJar, process.env.BENCH_COMPARE_JVM_FLAGS.split(/\s+/).filter(Boolean)),
    }] : []),
    {
      id: 'apollo',
      label: `Apollo Gateway ${npmVersion(benchDir, '@apollo/gateway')}`,
      command: process.execPath,
      args: (port) => [join(benchDir, 'apollo-gateway.mjs'), supergraphFile, String(port)],
      env: nodeEnv,
      path: '/',
    },
    {
      id: 'hive',
      label: `Hive Gateway ${hive}`,
      command: process.execPath,
      args: (port) => [hiveBin, 'supergraph', supergraphFile, '--host', '127.0.0.1', '--port', String(port)],
      env: nodeEnv,
      path: '/graphql',
    },
    {
      // the native gateway engine (Rust, a static binary) as its CLI serves it; it composes the subgraph SDLs itself
      id: 'grafbase',
      label: `Grafbase Gateway ${npmVersion(benchDir, grafbase)}`,
      native: true,
      command: join(benchDir, 'node_modules', grafbase, 'grafbase'),
      args: (port) => ['dev', '--config', grafbaseConfig, '--listen-address', `127.0.0.1:${port}`],
      env: {},
      path: '/graphql',
    },
    {
      id: 'hive-router',
      label: `Hive Gateway ${hive} --hive-router-runtime`,
      command: process.execPath,
      args: (port) => [hiveBin, 'supergraph', supergraphFile, '--host', '127.0.0.1', '--port', String(port), '--hive-router-runtime'],
      env: nodeEnv,
      path: '/graphql',
    },
  ];
}
