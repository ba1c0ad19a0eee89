#!/bin/bash
# install_dependencies: part of the ec2-appspec example; deploysim only checks the script exists.
set -euo pipefail
echo "install_dependencies on $(hostname) for deployment ${DEPLOYMENT_ID:-local} (${LIFECYCLE_EVENT:-manual})"
