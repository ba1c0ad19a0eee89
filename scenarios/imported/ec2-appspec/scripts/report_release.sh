#!/bin/bash
# report_release: part of the ec2-appspec example; deploysim only checks the script exists.
set -euo pipefail
echo "report_release on $(hostname) for deployment ${DEPLOYMENT_ID:-local} (${LIFECYCLE_EVENT:-manual})"
