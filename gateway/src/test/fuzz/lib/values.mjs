// Values for an operation's variables, from their types.
import { isEnumType, isInputObjectType, isListType, isNonNullType, typeFromAST } from 'graphql';

export function inputValue(schema, typeNode, rng) {
  return valueOf(typeFromAST(schema, typeNode), rng);
}

function valueOf(type, rng) {
  if (isNonNullType(type)) return valueOf(type.ofType, rng);
  if (isListType(type)) return [valueOf(type.ofType, rng)];
  if (isEnumType(type)) return rng.pick(type.getValues()).name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return Object.fromEntries(fields.map((f) => [f.name, valueOf(f.type, rng)]));
  }
  switch (type?.name) {
    case 'Boolean': return rng.chance(0.5);
    case 'Int': return 1 + rng.int(2020);
    case 'Float': return 1.5;
    default: return `v${rng.int(10)}`;
  }
}
