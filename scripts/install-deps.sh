#!/usr/bin/env bash
# Installs the Debian 12 packages Bulwark needs to build, run and test.
# Idempotent: asks apt only for what is missing. Run as root or with sudo.
#   scripts/install-deps.sh          build + run
#   scripts/install-deps.sh --test   also what the tests need (PostgreSQL, pytest, SDKs, clang, clang-tidy, chromium)
set -euo pipefail

run_packages=(
  build-essential cmake ninja-build pkg-config
  libboost1.81-dev libboost-url1.81-dev libboost-json1.81-dev
  libssl-dev libcrypt-dev libsqlite3-dev libpq-dev
  libspdlog-dev libfmt-dev libcli11-dev libgtest-dev libcurl4-openssl-dev libzxcvbn-dev
  libutf8proc-dev
  libhowardhinnant-date-dev tzdata
  nodejs npm
  # Uploads (MUST-007): type from content, image re-encoding, the malware scanner.
  libmagic-dev libvips-dev clamav-daemon
  # Customer export ZIPs (issue 13).
  libzip-dev
  # Encrypted backups of PostgreSQL (bulwark admin backup): pg_dump / pg_restore 15.
  postgresql-client-15
  # Invoice and pump-out report PDFs (src/render/): Cairo, Pango and the font they name.
  libcairo2-dev libpango1.0-dev fonts-dejavu-core
  # QR labels of work-request links, drawn as SVG on the server (src/render/qr_svg.cpp).
  libqrencode-dev
)
test_packages=(
  postgresql python3-pytest python3-requests python3-twilio python3-stripe
  clang libclang-rt-14-dev clang-tidy-14 clang-format chromium openssl curl
  libheif-examples libvips-tools  # heif-enc and vips: the attachment tests make HEIC and JPEG photos
  python3-aiosmtpd  # a real SMTP server on loopback for the email tests
  python3-pyotp python3-authlib  # RFC 6238 codes and a real OAuth 2.0 client for the identity tests
  poppler-utils     # pdftotext: the PDF tests read the text back
)
bench_packages=(wrk nginx-light)

want=("${run_packages[@]}")
case "${1:-}" in
  --test) want+=("${test_packages[@]}") ;;
  --bench) want+=("${test_packages[@]}" "${bench_packages[@]}") ;;
esac

missing=()
for p in "${want[@]}"; do
  # Node.js may come from outside Debian (nodesource, nvm): any node >= 20 with npm will do.
  if [[ $p == nodejs || $p == npm ]] && command -v node >/dev/null && command -v npm >/dev/null; then
    continue
  fi
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#want[@]} packages present"
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
