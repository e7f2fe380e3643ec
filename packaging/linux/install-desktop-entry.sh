#!/bin/sh
# Adds Cell 7 to this user's application menu (a .desktop entry and its icon), pointing at the program
# beside this script, wherever the folder was unpacked. Run it again after moving the folder.
#   ./install-desktop-entry.sh            install
#   ./install-desktop-entry.sh --remove   take the entry and icon away again (saves are not touched)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data="${XDG_DATA_HOME:-$HOME/.local/share}"
apps="$data/applications"
icons="$data/icons/hicolor/256x256/apps"
if [ "${1:-}" = "--remove" ]; then
  rm -f "$apps/cell7.desktop" "$icons/cell7.png"
  echo "removed $apps/cell7.desktop"
  exit 0
fi
if [ ! -x "$here/cell7" ]; then
  echo "no cell7 program beside this script ($here): run it from the unpacked cell7 folder" >&2
  exit 1
fi
mkdir -p "$apps" "$icons"
cp "$here/cell7.png" "$icons/cell7.png"
# the path goes into a sed replacement: escape the characters sed gives a meaning there
path=$(printf '%s' "$here/cell7" | sed 's/[&|\\]/\\&/g')
sed -e "s|^Exec=cell7|Exec=\"$path\"|" -e "s|^TryExec=cell7|TryExec=$path|" "$here/cell7.desktop" > "$apps/cell7.desktop.tmp"
mv "$apps/cell7.desktop.tmp" "$apps/cell7.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" || true
echo "installed $apps/cell7.desktop (runs $here/cell7)"
