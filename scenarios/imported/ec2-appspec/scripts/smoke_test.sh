#!/bin/bash
# smoke_test: part of the ec2-appspec example; deploysim only checks the script exists.
set -euo pipefail
echo "smoke_test on $(hostname) for deployment ${DEPLOYMENT_ID:-local} (${LIFECYCLE_EVENT:-manual})"
