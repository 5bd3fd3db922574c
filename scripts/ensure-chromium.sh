#!/usr/bin/env bash
# Installs (as root) Debian's Chromium and the CJK font the browser tests use, if missing, and
# prints the browser's path. Same logic as tests/e2e/chromium.ts, which jest's e2e globalSetup runs.
set -euo pipefail
cd "$(dirname "$0")/.."
exec npx tsx -e "import { ensureChromium } from './tests/e2e/chromium'; console.log(ensureChromium());"
