#!/bin/sh
# Fails if a curses header is included outside src/ui (the layering rule in DESIGN.md).
top=${1:-.}
leaks=$(grep -rlE '#include *[<"](n?curses|ncursesw/[a-z]+|form|menu|panel)\.h[>"]' "$top/src" | grep -v "^$top/src/ui/")
if [ -n "$leaks" ]; then
	echo "curses headers outside src/ui: $leaks" >&2
	exit 1
fi
echo "layering ok"
