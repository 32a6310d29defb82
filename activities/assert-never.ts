/** For exhaustive switches over a union: a value of a kind nobody handles is a compile error, and at run time a loud one. */
export function assertNever(value: never): never {
  throw new Error(`unhandled kind: ${JSON.stringify((value as { kind?: unknown }).kind ?? value)}`);
}
