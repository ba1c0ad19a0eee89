#!/bin/bash
# Tell the team the instance runs the new version.
set -euo pipefail
echo "deployed on $(hostname)"
