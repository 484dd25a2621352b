// Validates every service's AsyncAPI document with the AsyncAPI parser (the reference implementation): YAML syntax,
// the AsyncAPI 3 schema, references to the JSON Schemas beside it, and the parser's own rules. Any error fails the
// build; warnings are listed.
import { Parser, fromFile } from '@asyncapi/parser';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const services = ['competence-service', 'task-service', 'responsibility-service', 'grants-service'];
const parser = new Parser();
let failed = false;

for (const service of services) {
  const file = path.join(root, service, 'src/main/resources/META-INF/resources/events/asyncapi.yaml');
  const { document, diagnostics } = await fromFile(parser, file).parse();
  const errors = diagnostics.filter(d => d.severity === 0);
  const warnings = diagnostics.filter(d => d.severity === 1);
  for (const d of [...errors, ...warnings]) {
    const where = d.path && d.path.length ? d.path.join('.') : '(document)';
    console.log(`${service}: ${d.severity === 0 ? 'error' : 'warning'} ${d.code} at ${where}: ${d.message}`);
  }
  if (!document || errors.length > 0) {
    failed = true;
    console.log(`${service}: INVALID (${errors.length} errors)`);
  } else {
    console.log(`${service}: valid AsyncAPI ${document.version()}, ${document.channels().length} channels, `
      + `${document.allMessages().length} messages, ${warnings.length} warnings`);
  }
}
process.exit(failed ? 1 : 0);
