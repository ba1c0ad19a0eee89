#!/bin/bash
# Collect static files before the application starts.
set -euo pipefail
python manage.py collectstatic --noinput
