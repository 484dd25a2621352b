// Checks CloudNativePG resources against the CustomResourceDefinitions CloudNativePG publishes with its releases,
// through @kubernetes-models/cloudnative-pg (generated from the release manifest, see package.json there):
//  - unknown fields: the API server prunes fields a structural schema does not list, and `kubectl --validate=strict`
//    refuses them. The package's JSON Schemas leave additionalProperties open, so that rule is applied with the
//    package's TypeScript types instead: every object is type-checked as an object literal of its kind, and an
//    excess property is a field the CRD does not know (maps, additionalProperties in the CRD, take any key);
//  - everything else the CRD's openAPIV3Schema says (types, enums, required fields, patterns): the package's
//    validate(), which runs that schema.
//
// Usage: node check.mjs FILE...   (YAML streams, such as the output of `kubectl kustomize`)
// Prints one line per problem, "<apiVersion>/<kind> <name>: <field path>: <problem>", and exits 1 when there is any.
// Objects of other kinds are not checked here.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import ts from "typescript";
import { Cluster } from "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster";
import { Database } from "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Database";

const MODULE = "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/";
const KINDS = {
  "postgresql.cnpg.io/v1/Cluster": { model: Cluster, type: "ICluster", module: MODULE + "Cluster" },
  "postgresql.cnpg.io/v1/Database": { model: Database, type: "IDatabase", module: MODULE + "Database" },
};

// missing required properties and values of the wrong type: validate() reports them, with the CRD's own words
const SCHEMA_CODES = new Set([2322, 2739, 2740, 2741]);

const here = dirname(fileURLToPath(import.meta.url));

function describe(object) {
  return `${object.apiVersion}/${object.kind} ${object?.metadata?.name ?? "(no name)"}`;
}

function fieldPath(segments) {
  return segments.length === 0 ? "(root)" : segments.map((s) => (typeof s === "number" ? `[${s}]` : `.${s}`)).join("").replace(/^\./, "");
}

/** Writes value as a TypeScript literal, one property or element per line, recording the field path of each line. */
function literal(value, path, indent, lines, paths) {
  const pad = "  ".repeat(indent);
  if (Array.isArray(value)) {
    lines[lines.length - 1] += "[";
    value.forEach((item, i) => {
      lines.push(pad + "  ");
      paths.push([...path, i]);
      literal(item, [...path, i], indent + 1, lines, paths);
      lines[lines.length - 1] += ",";
    });
    lines.push(pad + "]");
    paths.push(path);
  } else if (value !== null && typeof value === "object") {
    lines[lines.length - 1] += "{";
    for (const [key, item] of Object.entries(value)) {
      lines.push(`${pad}  ${JSON.stringify(key)}: `);
      paths.push([...path, key]);
      literal(item, [...path, key], indent + 1, lines, paths);
      lines[lines.length - 1] += ",";
    }
    lines.push(pad + "}");
    paths.push(path);
  } else {
    // values are the schema's business (validate() below); here only the field names count
    lines[lines.length - 1] += `(${JSON.stringify(value)} as any)`;
  }
}

/** Type-checks every object as a literal of its kind's TypeScript type, once; problems by object index. */
function typeCheck(objects) {
  const lines = [];
  const paths = [];
  const owners = [];
  const imports = new Set();
  objects.forEach(({ object, kind }, i) => {
    imports.add(`import type { ${kind.type} } from ${JSON.stringify(kind.module)};`);
    lines.push(`export const object${i}: ${kind.type} = `);
    paths.push([]);
    literal(object, [], 0, lines, paths);
    lines[lines.length - 1] += ";";
    while (owners.length < lines.length) owners.push(i);
  });
  const header = [...imports];
  const text = [...header, ...lines].join("\n") + "\n";
  const file = join(here, "manifests.check.ts");
  const options = { strict: true, noEmit: true, skipLibCheck: true, types: [], target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (name, version, ...rest) => name === file
    ? ts.createSourceFile(name, text, version) : getSourceFile.call(host, name, version, ...rest);
  const fileExists = host.fileExists;
  host.fileExists = (name) => name === file || fileExists.call(host, name);
  const program = ts.createProgram([file], options, host);
  const source = program.getSourceFile(file);
  const problems = objects.map(() => []);
  const unknown = [];
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const line = d.file === source && d.start !== undefined
      ? source.getLineAndCharacterOfPosition(d.start).line - header.length : -1;
    if (line < 0) {
      problems.forEach((p) => p.push(`(root): the published types did not load: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`));
      continue;
    }
    const index = owners[line];
    const path = fieldPath(paths[line]);
    // 2353: "Object literal may only specify known properties", 2561: the same with a "did you mean"
    if (d.code === 2353 || d.code === 2561) {
      const hint = d.code === 2561 ? ts.flattenDiagnosticMessageText(d.messageText, " ").match(/Did you mean to write '([^']+)'/) : null;
      problems[index].push(`${path}: unknown field${hint ? ` (did you mean "${hint[1]}"?)` : ""}`);
      unknown.push({ index, segments: paths[line] });
    } else if (!SCHEMA_CODES.has(d.code)) {
      const message = ts.flattenDiagnosticMessageText(d.messageText, " ").split(/ {2,}|\n/)[0];
      problems[index].push(`${path}: ${message.length > 200 ? message.slice(0, 200) + "..." : message}`);
    }
  }
  return { problems, unknown };
}

/**
 * TypeScript reports an object literal's own excess property only when none of its nested literals has an error, so
 * the check is repeated with every reported unknown field removed until no more are found.
 */
function unknownFields(objects) {
  const copies = objects.map(({ object, kind }) => ({ object: structuredClone(object), kind }));
  const problems = objects.map(() => new Set());
  for (let round = 0; round < 100; round++) {
    const result = typeCheck(copies);
    result.problems.forEach((list, i) => list.forEach((p) => problems[i].add(p)));
    if (result.unknown.length === 0) break;
    for (const { index, segments } of result.unknown) {
      const parent = segments.slice(0, -1).reduce((node, key) => node?.[key], copies[index].object);
      if (parent && typeof parent === "object") delete parent[segments[segments.length - 1]];
    }
  }
  return problems.map((set) => [...set]);
}

/** Runs the CRD's openAPIV3Schema (the package's validate()). */
function schemaProblems({ object, kind }) {
  try {
    new kind.model(object).validate();
    return [];
  } catch (e) {
    const errors = e.errors ?? e.details;
    if (!Array.isArray(errors)) return [`(root): ${e.message}`];
    return errors.map((err) => {
      const segments = (err.instancePath ?? "").split("/").slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      const params = err.params?.allowedValues ? ` (${err.params.allowedValues.join(", ")})` : "";
      return `${fieldPath(segments)}: ${err.message}${params}`;
    });
  }
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node check.mjs FILE... (YAML streams)");
  process.exit(2);
}
const objects = [];
for (const name of files) {
  for (const doc of parseAllDocuments(readFileSync(name, "utf8"))) {
    if (doc.errors.length > 0) {
      console.error(`${name}: ${doc.errors[0].message}`);
      process.exit(2);
    }
    const object = doc.toJS();
    const kind = object && KINDS[`${object.apiVersion}/${object.kind}`];
    if (kind) objects.push({ object, kind });
  }
}
const byTypes = objects.length > 0 ? unknownFields(objects) : [];
let count = 0;
objects.forEach((entry, i) => {
  const problems = [...new Set([...byTypes[i], ...schemaProblems(entry)])].sort();
  for (const problem of problems) {
    console.log(`${describe(entry.object)}: ${problem}`);
    count++;
  }
});
console.error(`checked ${objects.length} CloudNativePG object(s) against the published CRDs: ${count} problem(s)`);
process.exit(count > 0 ? 1 : 0);
