#!/usr/bin/env bash
# The module-boundary check passes on this tree, and fails on each kind of breach when
# one is planted in a copy of it (so the check cannot pass by checking nothing).
set -uo pipefail
cd "$(dirname "$0")/../.."
check=tools/check_boundaries.py
ok=0; bad=0
pass() { echo "  ok: $1"; ok=$((ok+1)); }
fail() { echo "  FAILED: $1"; bad=$((bad+1)); }

links=()
[ -f build/libhs_core.a ] && links=(--links build)  # what the built libraries link, once built
if python3 $check "${links[@]}"; then pass "this tree keeps its boundaries ${links[*]}"; else fail "this tree keeps its boundaries ${links[*]}"; fi

if python3 $check --dot | cmp -s - docs/architecture.dot; then pass "docs/architecture.dot matches the CMake files"
else fail "docs/architecture.dot matches the CMake files (run tools/architecture.sh)"; fi

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fresh() { rm -rf "$tmp/t"; mkdir -p "$tmp/t"; cp -r src app tools "$tmp/t/"; }
expect_breach() {  # NAME PATTERN: the check fails and names the breach
  local name=$1 pattern=$2 out
  if out=$(python3 $check --root "$tmp/t" 2>&1); then fail "$name (check passed)"; return; fi
  if grep -qF -- "$pattern" <<<"$out"; then pass "$name"; else fail "$name (not named: $out)"; fi
}

fresh; echo '#include "modules/events/repo.hpp"' >> "$tmp/t/src/modules/spaces/module.cpp"
expect_breach "a module reaching into another's repo" 'src/modules/spaces/module.cpp: #include "modules/events/repo.hpp": reaches past events'

fresh; echo '#include "modules/decisions/module.hpp"' >> "$tmp/t/src/modules/wordcloud/board.cpp"
expect_breach "a front door the module did not declare" 'wordcloud does not declare decisions'

fresh; sed -i 's/hs_module(spaces DEPENDS accounts/hs_module(spaces DEPENDS accounts events/' "$tmp/t/src/modules/spaces/CMakeLists.txt"
expect_breach "a cycle of declared modules" 'cycle'

fresh; echo '#include "web/app.hpp"' >> "$tmp/t/src/modules/decisions/rules/consent.cpp"
expect_breach "rules that include the web layer" 'src/modules/decisions/rules/consent.cpp: #include "web/app.hpp"'

fresh; echo '#include "modules/accounts/module.hpp"' >> "$tmp/t/src/web/router.cpp"
expect_breach "the web layer including a module" 'src/web/router.cpp: #include "modules/accounts/module.hpp": web/ sits below the modules'

fresh; sed -i 's#"modules/events/records.hpp"#"modules/events/repo.hpp"#' "$tmp/t/src/modules/events/commands/commands.hpp"
expect_breach "a front door that hands out its repo" 'front door reaches repo.hpp (module.hpp -> commands/commands.hpp -> repo.hpp)'

fresh; echo 'src/modules/spaces/module.cpp: #include "modules/events/repo.hpp": reaches past events'"'"'s front door (modules/events/module.hpp)' >> "$tmp/t/tools/boundaries.allow"
expect_breach "a listed breach that is gone must leave the list" 'take it off tools/boundaries.allow'

if [ ${#links[@]} -gt 0 ]; then
  # Plants in a copy of the build: a module library that uses an undeclared module's
  # symbol, and a command object file that uses a web symbol.
  linked() {  # NAME PATTERN
    local out
    if out=$(python3 $check --links "$tmp/b" 2>&1); then fail "$1 (check passed)"
    elif grep -qF -- "$2" <<<"$out"; then pass "$1"
    else fail "$1 (not named: $out)"; fi
  }
  fresh_build() {  # links to what the check reads: the libraries and the modules' objects
    rm -rf "$tmp/b"; mkdir -p "$tmp/b/src"
    ln -s "$(pwd)"/build/libhs_*.a "$tmp/b/"
    cp -rs "$(pwd)/build/src/modules" "$tmp/b/src/"
  }
  plant() {  # SOURCE OBJECT: compiles SOURCE to OBJECT in the copy
    rm -f "$2"; printf '%s\n' "$1" > "$tmp/planted.cpp"; c++ -std=c++20 -c "$tmp/planted.cpp" -o "$2"
  }
  fresh_build; lib="$tmp/b/src/modules/spaces/libhs_spaces.a"
  cp --remove-destination "$(readlink -f "$lib")" "$lib"
  plant 'namespace hs::services { class AuditLog; } namespace hs::audit { const services::AuditLog& log(); }
const void* planted() { return &hs::audit::log(); }' "$tmp/planted.o"
  ar rc "$lib" "$tmp/planted.o"
  linked "a link to an undeclared module" 'link: spaces -> audit'
  fresh_build
  plant 'namespace hs::web { int planted_page(int); } int planted() { return hs::web::planted_page(1); }' \
    "$tmp/b/src/modules/decisions/CMakeFiles/hs_decisions.dir/commands/planted.cpp.o"
  linked "a command that uses the web layer" 'link: decisions/commands/planted.cpp -> web'
fi

echo "boundary check: $ok passed, $bad failed"
[ "$bad" -eq 0 ]
