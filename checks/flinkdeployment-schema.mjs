// Validates each FlinkDeployment in a rendered manifest against the Flink Kubernetes Operator's CRD
// schema (openAPIV3Schema). The newest CRD on Maven Central is operator 1.10.0's, whose flinkVersion
// enum ends at v1_20; the manifest needs 1.15.0 or later (v2_3), so the enum is extended with the
// 2.x versions and nothing else is changed.
import { readFileSync } from 'node:fs';
import { parse, parseAllDocuments } from 'yaml';
import Ajv from 'ajv';

const [crdFile, manifestFile] = process.argv.slice(2);
const crd = parse(readFileSync(crdFile, 'utf8'));
const version = crd.spec.versions.find((v) => v.storage);
const schema = version.schema.openAPIV3Schema;
const flinkVersion = schema.properties.spec.properties.flinkVersion;
flinkVersion.enum = [...flinkVersion.enum, 'v2_0', 'v2_1', 'v2_2', 'v2_3'];

// Kubernetes' own keywords (x-kubernetes-*) and formats are not JSON Schema's: ignore them.
const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);

const deployments = parseAllDocuments(readFileSync(manifestFile, 'utf8'))
  .map((document) => document.toJS())
  .filter((resource) => resource && resource.kind === crd.spec.names.kind);
if (deployments.length === 0) {
  console.error(`no ${crd.spec.names.kind} in ${manifestFile}`);
  process.exit(1);
}

// The validator must bite: a wrong upgrade mode is refused.
const wrong = structuredClone(deployments[0]);
wrong.spec.job.upgradeMode = 'sometimes';
if (validate(wrong)) {
  console.error('the CRD schema accepted upgradeMode: sometimes; the check checks nothing');
  process.exit(1);
}

let failed = false;
for (const deployment of deployments) {
  if (validate(deployment)) {
    console.log(`${crd.spec.names.kind} ${deployment.metadata.name}: valid against ${crd.metadata.name} ${version.name} (flinkVersion enum extended with v2_x)`);
  } else {
    failed = true;
    for (const error of validate.errors) {
      console.error(`${deployment.metadata.name}${error.instancePath}: ${error.message}`);
    }
  }
}
process.exit(failed ? 1 : 0);
