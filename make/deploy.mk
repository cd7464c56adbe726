# Deployment: template checks, the Lambda layer, sam build / deploy, and the deployed-stack test.
# The SAM CLI and checkov live in venvs of their own (.venv-sam, .venv-checkov): both pin
# versions that would fight the project's tools in .venv. See docs/deploy.md.

SAM_VENV := .venv-sam
SAM := $(SAM_VENV)/bin/sam
CHECKOV_VENV := .venv-checkov
CHECKOV := $(CHECKOV_VENV)/bin/checkov
CHECKOV_VERSION := 3.3.30
AWS_REGION ?= eu-west-1
# `sam build` looks for python3.12 on PATH; .venv has one.
SAM_ENV := PATH="$(CURDIR)/$(BIN):$$PATH" SAM_CLI_TELEMETRY=0

.PHONY: check-template layer sam-venv checkov-venv checkov sam-build deploy deploy-guided test-deployed deploy-checks

$(SAM):
	$(PYTHON312) -m venv $(SAM_VENV)
	$(SAM_VENV)/bin/pip install --quiet aws-sam-cli==1.170.0

$(CHECKOV):
	$(PYTHON312) -m venv $(CHECKOV_VENV)
	$(CHECKOV_VENV)/bin/pip install --quiet checkov==$(CHECKOV_VERSION)

sam-venv: setup $(SAM)

checkov-venv: setup $(CHECKOV)

# Offline: cfn-lint, the SAM transform checks, least privilege, and `sam validate --lint` when
# .venv-sam exists (the test skips, saying so, when it does not).
check-template: setup
	$(BIN)/cfn-lint template.yaml
	$(BIN)/python -m pytest -q tests/unit/test_template.py tests/unit/test_least_privilege.py tests/unit/test_setup_resource.py

# IaC scan, offline (--skip-download: no Prisma Cloud calls). Suppressions are inline in
# template.yaml (Metadata.checkov.skip) with their reasons.
checkov: setup $(CHECKOV)
	$(CHECKOV) --file template.yaml --framework cloudformation --compact --quiet --skip-download

# The arm64 layers in build/layer/ and build/fallback-layer/ (template.yaml's ContentUris), zipped beside them.
layer: setup
	$(BIN)/python tools/build_layer.py
	$(BIN)/python tools/build_layer.py --fallback

sam-build: setup layer $(SAM)
	$(SAM_ENV) $(SAM) build --region $(AWS_REGION)

# First deployment: asks for the stack name and parameters, saves them to samconfig.toml.
deploy-guided: setup sam-build
	$(SAM_ENV) $(SAM) deploy --guided --region $(AWS_REGION) --capabilities CAPABILITY_IAM --resolve-s3

deploy: setup sam-build
	$(SAM_ENV) $(SAM) deploy

# Needs WARTA_STACK_NAME and AWS credentials; skips (saying why) without them.
test-deployed: setup
	$(BIN)/python -m pytest -q -rs tests/deployed

# Everything offline that guards a deployment.
deploy-checks: setup check-template checkov
	$(BIN)/python -m pytest -q tests/unit/test_layer.py
