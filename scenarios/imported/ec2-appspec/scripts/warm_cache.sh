#!/bin/bash
# warm_cache: part of the ec2-appspec example; deploysim only checks the script exists.
set -euo pipefail
echo "warm_cache on $(hostname) for deployment ${DEPLOYMENT_ID:-local} (${LIFECYCLE_EVENT:-manual})"
