#!/bin/bash
# configure_app: part of the ec2-appspec example; deploysim only checks the script exists.
set -euo pipefail
echo "configure_app on $(hostname) for deployment ${DEPLOYMENT_ID:-local} (${LIFECYCLE_EVENT:-manual})"
