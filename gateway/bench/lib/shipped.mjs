// A module's JVM settings as shipped: the quarkus.jib.* lines of its application.properties, which the container image
// gets and deploy/local/run.sh reads too, so that the benchmark measures what users run.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

function properties(module) {
  return readFileSync(join(projectRoot, module, 'src/main/resources/application.properties'), 'utf8').split('\n');
}

/** The module's JVM flags (quarkus.jib.jvm-additional-arguments), none when it ships none. */
export function shippedJvmFlags(module) {
  const key = 'quarkus.jib.jvm-additional-arguments=';
  const line = properties(module).find((l) => l.startsWith(key));
  return line ? line.slice(key.length).split(',').map((flag) => flag.trim()).filter(Boolean) : [];
}

/** The module's environment variables (quarkus.jib.environment-variables."NAME"). */
export function shippedEnvironment(module) {
  return Object.fromEntries(properties(module)
    .map((l) => /^quarkus\.jib\.environment-variables\."([A-Z_]+)"=(.*)$/.exec(l)).filter(Boolean).map((m) => [m[1], m[2]]));
}
