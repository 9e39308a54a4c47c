#!/usr/bin/env bash
# Static checks of the deployment files, with the linters pinned in package-lock.json:
#   docker/docker-compose.yml, with docker/.env filled in, against the compose specification (dclint)
#   docker/Dockerfile (dockerfile-utils lint)
#   k8s/ rendered by kustomize, and its FlinkDeployment against the operator's CRD schema (ajv)
# .ci/run runs it after `mvn -B verify`.
set -euo pipefail
cd "$(dirname "$0")"
CRD_ARTIFACT=org.apache.flink:flink-kubernetes-operator-api:1.10.0
CRD_FILE=META-INF/fabric8/flinkdeployments.flink.apache.org-v1.yml

npm ci --no-audit --no-fund --loglevel=error
mkdir -p target

echo "== docker/docker-compose.yml (dclint: compose specification schema and rules)"
node compose-env.mjs ../docker/docker-compose.yml ../docker/.env > target/docker-compose.yml
npx --no-install dclint target/docker-compose.yml
echo "ok"

echo "== docker/Dockerfile (dockerfile-utils lint)"
npx --no-install dockerfile-utils lint ../docker/Dockerfile
echo "ok"

echo "== k8s/ (kustomize, then the FlinkDeployment against the CRD of $CRD_ARTIFACT)"
if command -v kubectl >/dev/null; then
  kubectl kustomize ../k8s > target/k8s.yaml
  echo "kubectl kustomize k8s/: $(grep -c '^kind:' target/k8s.yaml) resources"
else
  echo "SKIPPED: kubectl is not installed, so k8s/ is not rendered; validating k8s/flinkdeployment.yaml as it is"
  cp ../k8s/flinkdeployment.yaml target/k8s.yaml
fi
mvn -q -B dependency:copy -Dartifact="$CRD_ARTIFACT" -DoutputDirectory=target -Dmdep.stripVersion=true
(cd target && jar xf flink-kubernetes-operator-api.jar "$CRD_FILE")
node flinkdeployment-schema.mjs "target/$CRD_FILE" target/k8s.yaml
