// Proto enums are "PREFIX_VALUE" strings (ts-proto stringEnums); domains and the REST API use "value".

/** "PERSON_STATUS_RETIRED" -> "retired"; undefined for the UNSPECIFIED/UNRECOGNIZED values. */
export function fromProtoEnum<T extends string>(prefix: string, value: string | undefined): T | undefined {
  if (!value || !value.startsWith(`${prefix}_`)) return undefined;
  const name = value.slice(prefix.length + 1).toLowerCase();
  return name === 'unspecified' ? undefined : (name as T);
}

/** "retired" -> "PERSON_STATUS_RETIRED" */
export function toProtoEnum<E extends string>(prefix: string, value: string): E {
  return `${prefix}_${value.toUpperCase()}` as E;
}
