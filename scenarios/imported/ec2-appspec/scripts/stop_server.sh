#!/bin/bash
# stop_server: part of the ec2-appspec example; deploysim only checks the script exists.
set -euo pipefail
echo "stop_server on $(hostname) for deployment ${DEPLOYMENT_ID:-local} (${LIFECYCLE_EVENT:-manual})"
