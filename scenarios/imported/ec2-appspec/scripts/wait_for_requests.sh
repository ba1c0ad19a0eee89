#!/bin/bash
# wait_for_requests: part of the ec2-appspec example; deploysim only checks the script exists.
set -euo pipefail
echo "wait_for_requests on $(hostname) for deployment ${DEPLOYMENT_ID:-local} (${LIFECYCLE_EVENT:-manual})"
